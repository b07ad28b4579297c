"""deploy/: the Dockerfile, docker-compose and Kubernetes files parse, agree with each other and
name only settings Clearpost reads. Docker cannot run here, so the files are checked, not built."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import AliasChoices

from bot.cli import _parser
from bot.settings import Settings

REPOSITORY = Path(__file__).resolve().parents[2]
DEPLOY = REPOSITORY / "deploy"
# Variables for the Python runtime and pip, not for Clearpost.
RUNTIME_VARIABLES = {"PATH", "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE"}


def setting_names() -> set[str]:
    """Every environment variable name Settings reads."""
    names: set[str] = set()
    for field in Settings.model_fields.values():
        if field.alias:
            names.add(field.alias)
        if isinstance(field.validation_alias, AliasChoices):
            names.update(str(choice) for choice in field.validation_alias.choices)
        elif isinstance(field.validation_alias, str):
            names.add(field.validation_alias)
    return names


def assert_clearpost_command(args: list[str]) -> None:
    """The arguments are a valid `clearpost` command line."""
    parsed = _parser().parse_args(args)
    assert hasattr(parsed, "run"), f"not a clearpost command: {args}"


# --------------------------------------------------------------------------- Dockerfile


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    joined = re.sub(r"\\\n", " ", text)
    instructions = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            instructions.append((keyword.upper(), rest.strip()))
    return instructions


def final_stage(instructions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    last_from = max(i for i, (keyword, _) in enumerate(instructions) if keyword == "FROM")
    return instructions[last_from:]


def env_names(rest: str) -> list[str]:
    return [item.split("=", 1)[0] for item in shlex.split(rest)]


def test_dockerfile_is_multi_stage_and_runs_as_an_unprivileged_user() -> None:
    instructions = dockerfile_instructions()
    stages = [rest for keyword, rest in instructions if keyword == "FROM"]
    assert len(stages) >= 2 and all(" AS " in stage.upper() for stage in stages)
    runtime = final_stage(instructions)
    users = [rest for keyword, rest in runtime if keyword == "USER"]
    assert users and users[-1].split(":")[0] not in ("0", "root")
    assert any(k == "COPY" and rest.startswith("--from=build") for k, rest in runtime)
    assert not any(k == "COPY" and not rest.startswith("--from") for k, rest in runtime), (
        "the runtime stage takes only the built environment"
    )


def test_dockerfile_copies_what_exists_and_bakes_in_the_default_model() -> None:
    instructions = dockerfile_instructions()
    for keyword, rest in instructions:
        if keyword == "COPY" and not rest.startswith("--from"):
            for source in shlex.split(rest)[:-1]:
                assert (REPOSITORY / source).exists(), f"COPY {source}: no such path"
    default_model = Settings.model_fields["spacy_model"].default
    runs = " ".join(rest for keyword, rest in instructions if keyword == "RUN")
    assert f"PrivacyEngine('{default_model}')" in runs
    model_package = default_model.replace("_", "-")
    dependencies = (REPOSITORY / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"{model_package}==' in dependencies, "the model must install with the package"


def test_dockerfile_healthcheck_and_command() -> None:
    runtime = final_stage(dockerfile_instructions())
    healthcheck = next(rest for keyword, rest in runtime if keyword == "HEALTHCHECK")
    assert "/healthz" in healthcheck
    expose = next(rest for keyword, rest in runtime if keyword == "EXPOSE")
    assert f"127.0.0.1:{expose}/healthz" in healthcheck
    entrypoint = yaml.safe_load(next(rest for keyword, rest in runtime if keyword == "ENTRYPOINT"))
    command = yaml.safe_load(next(rest for keyword, rest in runtime if keyword == "CMD"))
    assert entrypoint == ["clearpost"]
    assert_clearpost_command(command)
    env = dict(
        item.split("=", 1)
        for keyword, rest in runtime
        if keyword == "ENV"
        for item in shlex.split(rest)
    )
    assert env["CLEARPOST_HTTP_PORT"] == expose


def test_dockerfile_names_only_real_settings() -> None:
    names = {
        name
        for keyword, rest in dockerfile_instructions()
        if keyword == "ENV"
        for name in env_names(rest)
    }
    unknown = {
        name for name in names - setting_names() - RUNTIME_VARIABLES if not name.startswith("PIP_")
    }
    assert unknown == set(), f"the Dockerfile sets variables Clearpost does not read: {unknown}"


# --------------------------------------------------------------------------- docker compose


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))


def test_compose_runs_the_bot_on_postgresql_with_a_volume_and_healthchecks(
    compose: dict[str, Any],
) -> None:
    services = compose["services"]
    postgres = services["postgres"]
    assert postgres["image"].startswith("postgres:")
    assert any(v.endswith(":/var/lib/postgresql/data") for v in postgres["volumes"])
    assert postgres["volumes"][0].split(":")[0] in compose["volumes"]
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])

    bot = services["bot"]
    assert_clearpost_command(bot["command"])
    assert "--http" in bot["command"]
    assert "/readyz" in " ".join(bot["healthcheck"]["test"])
    assert bot["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert "@postgres:5432/" in bot["environment"]["CLEARPOST_DATABASE_URL"]
    port = bot["environment"]["CLEARPOST_HTTP_PORT"]
    assert any(mapping.endswith(f":{port}") for mapping in bot["ports"])


def test_compose_migrates_before_the_bot_starts(compose: dict[str, Any]) -> None:
    services = compose["services"]
    migrate = services["migrate"]
    assert migrate["command"] == ["db", "upgrade"]
    assert_clearpost_command(migrate["command"])
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["bot"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )
    assert (
        migrate["environment"]["CLEARPOST_DATABASE_URL"]
        == services["bot"]["environment"]["CLEARPOST_DATABASE_URL"]
    )
    assert migrate["build"]["dockerfile"] == "deploy/Dockerfile"
    assert (DEPLOY / migrate["build"]["context"] / migrate["build"]["dockerfile"]).exists()


def test_compose_names_only_real_settings(compose: dict[str, Any]) -> None:
    for name in ("bot", "migrate"):
        unknown = set(compose["services"][name]["environment"]) - setting_names()
        assert unknown == set(), f"{name} sets variables Clearpost does not read: {unknown}"


# --------------------------------------------------------------------------- Kubernetes


@pytest.fixture(scope="module")
def k8s() -> dict[str, dict[str, Any]]:
    """Every object in deploy/k8s, by kind."""
    objects: dict[str, dict[str, Any]] = {}
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            assert document["apiVersion"] and document["metadata"]["name"]
            objects[document["kind"]] = document
    return objects


def containers_of(workload: dict[str, Any]) -> list[dict[str, Any]]:
    return list(workload["spec"]["template"]["spec"]["containers"])


def test_deployment_runs_several_http_replicas_with_probes_and_resources(
    k8s: dict[str, dict[str, Any]],
) -> None:
    deployment = k8s["Deployment"]
    assert deployment["spec"]["replicas"] >= 2
    pod = deployment["spec"]["template"]
    assert pod["spec"]["securityContext"]["runAsNonRoot"] is True
    (container,) = containers_of(deployment)
    assert_clearpost_command(container["args"])
    assert "--http" in container["args"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert container[probe]["httpGet"]["port"] in ports
    env = {item["name"]: item for item in container["env"]}
    assert int(env["CLEARPOST_HTTP_PORT"]["value"]) == ports["http"]
    assert container["resources"]["requests"]["cpu"]
    assert container["resources"]["requests"]["memory"]
    assert pod["metadata"]["annotations"]["prometheus.io/path"] == "/metrics"


def test_tokens_come_from_the_secret(k8s: dict[str, dict[str, Any]]) -> None:
    secret = k8s["Secret"]
    for workload in (k8s["Deployment"], k8s["Job"]):
        for container in containers_of(workload):
            for item in container["env"]:
                if item["name"] in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
                    reference = item["valueFrom"]["secretKeyRef"]
                    assert reference["name"] == secret["metadata"]["name"]
                    assert reference["key"] in secret["stringData"]
                assert "value" not in item or "TOKEN" not in item["name"]
    deployment_env = {item["name"] for item in containers_of(k8s["Deployment"])[0]["env"]}
    assert {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"} <= deployment_env


def test_service_selects_the_deployment_pods(k8s: dict[str, dict[str, Any]]) -> None:
    service, deployment = k8s["Service"], k8s["Deployment"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    port_names = {port["name"] for port in containers_of(deployment)[0]["ports"]}
    assert all(port["targetPort"] in port_names for port in service["spec"]["ports"])


def test_migration_job_upgrades_the_same_database(k8s: dict[str, dict[str, Any]]) -> None:
    (container,) = containers_of(k8s["Job"])
    assert container["args"] == ["db", "upgrade"]
    job_url = next(i for i in container["env"] if i["name"] == "CLEARPOST_DATABASE_URL")
    bot_url = next(
        i
        for i in containers_of(k8s["Deployment"])[0]["env"]
        if i["name"] == "CLEARPOST_DATABASE_URL"
    )
    assert job_url["valueFrom"] == bot_url["valueFrom"]
    assert container["image"] == containers_of(k8s["Deployment"])[0]["image"]


def test_kubernetes_names_only_real_settings(k8s: dict[str, dict[str, Any]]) -> None:
    for kind in ("Deployment", "Job"):
        for container in containers_of(k8s[kind]):
            unknown = {item["name"] for item in container["env"]} - setting_names()
            assert unknown == set(), f"{kind} sets variables Clearpost does not read: {unknown}"
    unknown = set(k8s["Secret"]["stringData"]) - setting_names()
    assert unknown == set(), f"the Secret holds values Clearpost does not read: {unknown}"


def test_the_settings_check_would_catch_a_misspelt_variable() -> None:
    names = setting_names()
    assert "SLACK_BOT_TOKEN" in names and "PORT" in names
    assert "SLACK_TOKEN" not in names and "CLEARPOST_DB_URL" not in names
