"""Slack directory lookups: who is in a user group, cached so votes do not wait on Slack."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)


class Directory:
    """Resolves user and user-group IDs to the user IDs they stand for.

    User IDs (``U…``/``W…``) stand for themselves. Group IDs (``S…``) are resolved with
    ``usergroups.users.list`` and cached for ``ttl_seconds``. A workspace whose plan has no user
    groups answers ``plan_upgrade_required``: we warn once and treat groups as empty, so the
    listed user IDs still work.
    """

    def __init__(
        self,
        client: WebClient,
        ttl_seconds: float = 300,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._ttl = ttl_seconds
        self._monotonic = monotonic
        self._cache: dict[str, tuple[float, frozenset[str]]] = {}
        self._lock = threading.Lock()
        self.groups_unavailable = False

    def resolve(self, member_id: str) -> frozenset[str]:
        """The user IDs behind ``member_id``."""
        if not member_id.startswith("S"):
            return frozenset({member_id})
        now = self._monotonic()
        with self._lock:
            cached = self._cache.get(member_id)
            if cached and now - cached[0] < self._ttl:
                return cached[1]
        members = self._fetch_group(member_id)
        with self._lock:
            self._cache[member_id] = (now, members)
        return members

    def is_member(self, user_id: str, member_ids: list[str] | tuple[str, ...]) -> bool:
        """Whether ``user_id`` is one of ``member_ids`` or in one of those groups."""
        return any(user_id in self.resolve(member) for member in member_ids)

    def check_user_groups_available(self) -> str | None:
        """A warning to log at startup if this workspace cannot resolve user groups."""
        try:
            self._client.usergroups_list()
        except SlackApiError as error:
            if error.response.get("error") == "plan_upgrade_required":
                self.groups_unavailable = True
                return (
                    "This Slack workspace has no user groups (plan_upgrade_required): list "
                    "approvers and owners by user ID in the policy file; group IDs will match "
                    "nobody."
                )
            return f"Could not list user groups ({error.response.get('error')})."
        return None

    def _fetch_group(self, group_id: str) -> frozenset[str]:
        try:
            response = self._client.usergroups_users_list(usergroup=group_id)
        except SlackApiError as error:
            reason = error.response.get("error")
            if reason == "plan_upgrade_required":
                self.groups_unavailable = True
            log.warning("could not resolve user group %s: %s", group_id, reason)
            return frozenset()
        return frozenset(response.get("users") or [])
