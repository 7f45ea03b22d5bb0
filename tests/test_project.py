"""The project's contracts with a newcomer: dependencies agree, data is small and cited."""

from __future__ import annotations

import re
import tomllib


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[]", spec.strip(), maxsplit=1)[0].lower()


def test_environment_yml_matches_pyproject(root):
    deps = tomllib.loads((root / "pyproject.toml").read_text())["project"]["dependencies"]
    env = (root / "environment.yml").read_text()
    listed = env.split("dependencies:", 1)[1]
    conda = {
        _name(line.strip()[2:])
        for line in listed.splitlines()
        if re.match(r"^\s{2}- [a-z]", line)
        and _name(line.strip()[2:]) not in ("pip", "pip:", "python")
    }
    pip = {_name(d): d for d in deps}
    assert conda == set(pip), (
        f"only in environment.yml: {conda - set(pip)}; only in pyproject: {set(pip) - conda}"
    )
    for spec in deps:  # same lower bounds
        assert spec.replace(" ", "") in env.replace(" ", ""), f"{spec} differs in environment.yml"


def test_no_tracked_file_over_one_megabyte(root):
    for path in (root / "socialreach").rglob("*"):
        assert path.stat().st_size < 1_000_000, path
