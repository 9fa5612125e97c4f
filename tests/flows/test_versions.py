from __future__ import annotations

import shutil
from pathlib import Path

from flows.versions import SHARD_MODULES, TRANSFORMS, code_version, suites_version


def test_code_version_changes_with_the_source_that_makes_a_shard(tmp_path: Path) -> None:
    copy = tmp_path / "transforms"
    shutil.copytree(TRANSFORMS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert code_version("1.0", copy) == code_version("1.0", TRANSFORMS)
    assert code_version("1.1", copy) != code_version("1.0", copy)
    (copy / "segment.py").write_text((copy / "segment.py").read_text() + "\n# changed\n")
    assert code_version("1.0", copy) != code_version("1.0", TRANSFORMS)
    flows = tmp_path / "flows"
    flows.mkdir()
    modules = [shutil.copy(m, flows / m.name) for m in SHARD_MODULES]
    assert code_version("1.0", TRANSFORMS, map(Path, modules)) == code_version("1.0", TRANSFORMS)
    (flows / "validation.py").write_text((flows / "validation.py").read_text() + "\n# changed\n")
    assert code_version("1.0", TRANSFORMS, map(Path, modules)) != code_version("1.0", TRANSFORMS)


def test_suites_version_changes_with_any_expectation_and_not_with_key_order() -> None:
    suite = {"name": "s", "expectations": [{"type": "expect_column_to_exist", "kwargs": {"column": "a"}}]}
    reordered = {"expectations": suite["expectations"], "name": "s"}
    assert suites_version({"t": suite}) == suites_version({"t": reordered})
    changed = {"name": "s", "expectations": [{"type": "expect_column_to_exist", "kwargs": {"column": "b"}}]}
    assert suites_version({"t": suite}) != suites_version({"t": changed})
