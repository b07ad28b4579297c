"""A draft's timeline from the audit log, for ``/clearpost history <draft id>``."""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import select

from bot.models import AuditEntry, Draft
from bot.queries import account_of
from bot.services import Services
from policy.routing import ApprovalRequirement, signoffs_of

_ACTIONS = {
    "draft.submitted": "submitted version {version}",
    "draft.checked": "checked version {version}: {verdict}",
    "card.posted": "posted the approval card",
    "card.revised": "updated the card for version {version}",
    "draft.revised": "revised the draft to version {version}",
    "vote.recorded": "voted {choice} on version {version} ({via})",
    "vote.ignored": "tried to vote {choice} on version {version}: not counted ({outcome})",
    "vote.withdrawn": "withdrew a {choice} vote",
    "vote.withdrawal_late": "removed a {choice} reaction after the decision (no effect)",
    "draft.decided": "decision on version {version}: {outcome}",
}


def may_see_history(services: Services, draft: Draft, user_id: str) -> bool:
    """The author, and anyone who is or was asked to approve any version of the draft."""
    if user_id == draft.author_id:
        return True
    account = account_of(services, draft)
    if services.directory.is_member(user_id, [*account.approvers, *account.backup_approvers]):
        return True
    return any(
        signoffs_of(
            user_id,
            ApprovalRequirement.from_dict(version.requirement or {}),
            services.directory.resolve,
        )
        for version in draft.versions
    )


def draft_history(services: Services, draft_id: int, user_id: str) -> str:
    """The timeline as mrkdwn lines, or a sentence saying why it cannot be shown."""
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is None:
            return f"There is no draft #{draft_id}."
        if not may_see_history(services, draft, user_id):
            return f"Only the author and the approvers of draft #{draft_id} can see its history."
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.draft_id == draft_id).order_by(AuditEntry.id)
        ).all()
        status = draft.status.replace("_", " ")
        lines = [f"*History of draft #{draft_id}* (now {status}, version {draft.current_version})"]
    for entry in entries:
        template = _ACTIONS.get(entry.action, entry.action)
        values = {key: str(value).replace("_", " ") for key, value in entry.detail.items()}
        try:
            what = template.format(**values)
        except KeyError:
            what = entry.action
        when = entry.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
        who = "Clearpost" if entry.actor == "clearpost" else f"<@{entry.actor}>"
        lines.append(f"• {when} · {who} {what}")
    return "\n".join(lines)
