"""Read a policy file and explain, with file and line, anything that is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from policy.schema import Policy, bundled_policy_path


@dataclass(frozen=True)
class PolicyProblem:
    """One thing to fix in a policy file, located as precisely as the YAML allows."""

    file: str
    line: int | None
    where: str
    what: str

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}" if self.line else self.file
        prefix = f"{location}: {self.where}: " if self.where else f"{location}: "
        return prefix + self.what


class PolicyError(Exception):
    """The policy file cannot be used; ``problems`` says each thing to fix."""

    def __init__(self, problems: list[PolicyProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def load_policy(path: str | Path | None = None) -> Policy:
    """Load and validate a policy file (the bundled example when ``path`` is None)."""
    policy_path = Path(path) if path else bundled_policy_path()
    try:
        source = policy_path.read_text(encoding="utf-8")
    except OSError as error:
        raise PolicyError(
            [PolicyProblem(str(policy_path), None, "", f"cannot read the file ({error.strerror})")]
        ) from None
    return parse_policy(source, str(policy_path))


def parse_policy(source: str, filename: str = "<policy>") -> Policy:
    """Validate policy YAML text; raise PolicyError naming the file and line of each problem."""
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(error, "problem", None) or str(error)
        raise PolicyError(
            [PolicyProblem(filename, line, "", f"this is not valid YAML ({reason})")]
        ) from None
    if not isinstance(data, dict):
        raise PolicyError(
            [PolicyProblem(filename, 1, "", "the policy must be a mapping with an 'accounts' list")]
        )
    try:
        return Policy.model_validate(data)
    except ValidationError as error:
        problems = [
            PolicyProblem(
                filename,
                _line_of(root, item["loc"]),
                ".".join(str(part) for part in item["loc"]),
                _explain(item),
            )
            for item in error.errors()
        ]
        raise PolicyError(problems) from None


def _explain(item: Any) -> str:
    """Turn one pydantic error into a sentence saying what to fix."""
    kind = item["type"]
    if kind == "extra_forbidden":
        return "this key is not part of the policy schema: check its spelling or remove it"
    if kind == "missing":
        return "this key is required: add it"
    message = str(item["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return message


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the YAML node at ``loc``, or of its closest existing parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            child = next(
                (
                    (key, value)
                    for key, value in node.value
                    if isinstance(key, yaml.ScalarNode) and key.value == str(part)
                ),
                None,
            )
            if child is None:
                return line
            # An unknown key is best pointed at by the key itself.
            node = child[1]
            line = child[0].start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line
