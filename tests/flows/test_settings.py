from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest
from pydantic import ValidationError

from flows.cli import _parser, _settings
from flows.deploy import deployment_parameters
from flows.runners import RUNNERS
from flows.settings import Runner, RunSettings


def test_the_runner_choices_are_the_runners() -> None:
    assert get_args(Runner) == RUNNERS


def test_the_command_line_builds_the_same_settings_for_run_and_serve(tmp_path: Path) -> None:
    options = ["--raw-dir", "raw", "--out-dir", "out", "--strict", "--keep", "3", "--runner", "threads",
               "--workers", "2", "--shard-mb", "1.5", "--lock-timeout", "9"]
    run = _settings(_parser().parse_args(["run", *options]))
    serve = _settings(_parser().parse_args(["serve", *options, "--cron", "0 1 * * *"]))
    assert run == serve == RunSettings(raw_dir=Path("raw"), out_dir=Path("out"), strict=True, keep=3,
                                       runner="threads", workers=2, shard_mb=1.5, lock_timeout=9)


def test_the_command_line_defaults_are_the_settings_defaults() -> None:
    assert _settings(_parser().parse_args(["run", "--raw-dir", "r", "--out-dir", "o"])) == RunSettings(
        raw_dir=Path("r"), out_dir=Path("o"))


@pytest.mark.parametrize(("field", "value"), [("keep", 0), ("workers", 0), ("shard_mb", -1), ("shard_mb", 0),
                                              ("runner", "spark"), ("lock_timeout", -1), ("colour", "blue")])
def test_invalid_settings_fail_where_they_are_made(field: str, value: object) -> None:
    with pytest.raises(ValidationError, match=field):
        RunSettings(raw_dir=Path("r"), out_dir=Path("o"), **{field: value})


def test_bad_options_are_usage_errors_naming_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        _settings(_parser().parse_args(["run", "--raw-dir", "r", "--out-dir", "o", "--keep", "0"]))
    assert exit_.value.code == 2 and "--keep: Input should be greater than or equal to 1" in capsys.readouterr().err


def test_a_deployment_carries_the_settings_as_json_with_absolute_paths(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = RunSettings(raw_dir=Path("raw"), out_dir=Path("out"), csv_bom=True, runner="dask", workers=2)
    parameters = deployment_parameters(settings)
    assert parameters["settings"]["raw_dir"] == str(tmp_path / "raw")
    again = RunSettings.model_validate(parameters["settings"])  # what Prefect does with a run's parameters
    assert again == settings.absolute() and again.catalog().shards == tmp_path / "out" / "shards"
