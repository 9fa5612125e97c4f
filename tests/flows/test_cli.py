"""The command-line contract, through real processes."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from flows.catalog import PROJECT_ROOT
from flows.cli import _parser, main
from tests.conftest import SAMPLE


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows", *args], capture_output=True, text=True, timeout=300, check=False,
    )


def test_help_lists_the_commands() -> None:
    result = cli("--help")
    assert result.returncode == 0
    assert "run" in result.stdout and "generate" in result.stdout
    assert "--raw-dir" in cli("run", "--help").stdout


def _commands() -> dict[str, argparse.ArgumentParser]:
    """Every command's parser by its name (``themes kwic`` for a tool of ``themes``)."""
    found = {}
    for name, parser in _subparsers(_parser()).items():
        found[name] = parser
        found.update({f"{name} {tool}": p for tool, p in _subparsers(parser).items()})
    return found


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices) if actions else {}


def test_every_command_and_option_is_documented() -> None:
    usage = (PROJECT_ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    commands = _commands()
    assert set(_subparsers(_parser())) == {"run", "serve", "snapshots", "diff", "describe", "validate", "report",
                                           "evaluate", "generate", "themes"}
    for name, parser in commands.items():
        assert f"corpus-pipeline {name}" in usage, name
        assert f"corpus-pipeline {name.split()[0]}" in readme, name  # the command line at a glance
        assert parser.description, name
        for action in parser._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in usage, (name, option)


def test_help_gives_one_line_per_option_with_its_default() -> None:
    for name, parser in {"": _parser(), **_commands()}.items():
        text = parser.format_help()
        options = text.split("options:\n", 1)[1].split("\n\n", 1)[0].splitlines()
        assert all(line.startswith("  -") for line in options), (name, options)  # no option's help wraps
        for action in parser._actions:
            if action.option_strings and action.default not in (None, False, argparse.SUPPRESS):
                line = next(x for x in options if x.lstrip().startswith(action.option_strings[0]))
                assert "(default" in line, (name, line)
        assert "docs/usage.md" in text, name


def test_usage_errors_exit_2() -> None:
    assert cli("run").returncode == 2
    assert cli("run", "--raw-dir", "raw", "--out-dir", "out", "--runner", "spark").returncode == 2


def test_dask_address_needs_the_dask_runner(tmp_path: Path) -> None:
    result = cli("run", "--raw-dir", str(SAMPLE / "raw"), "--out-dir", str(tmp_path), "--dask-address",
                 "tcp://127.0.0.1:8786")
    assert result.returncode == 2 and "dask_address (--dask-address) needs runner dask (--runner dask)" in result.stderr


def test_serve_refuses_to_start_without_a_prefect_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["serve", "--raw-dir", str(SAMPLE / "raw"), "--out-dir", str(tmp_path)]) == 1
    assert not (tmp_path / "latest").exists()


def test_generated_files_are_in_sync_with_the_schema() -> None:
    assert main(["generate", "--check"]) == 0


def test_generate_check_fails_on_a_drifted_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--expectations", str(tmp_path), "--dictionary", str(tmp_path / "dictionary.md")]
    assert main(["generate", "--write", *args]) == 0
    assert main(["generate", "--check", *args]) == 0
    (tmp_path / "sentences.json").write_text("{}", encoding="utf-8")
    assert main(["generate", "--check", *args]) == 1
    assert "sentences.json" in capsys.readouterr().err


@pytest.mark.e2e
def test_run_succeeds_and_says_what_it_published(tmp_path: Path) -> None:
    result = cli("run", "--raw-dir", str(SAMPLE / "raw"), "--out-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "published" in result.stdout and "sentences" in result.stdout
    assert (tmp_path / "out" / "latest" / "parquet" / "sentences" / "part-s.parquet").exists()


@pytest.mark.e2e
def test_run_failure_exits_1_with_a_one_paragraph_reason(tmp_path: Path) -> None:
    result = cli("run", "--raw-dir", str(tmp_path / "missing"), "--out-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    reason = [block for block in result.stderr.split("\n\n") if block.startswith("corpus-pipeline:")]
    assert len(reason) == 1
    assert "does not exist" in reason[0] and str(tmp_path / "missing") in reason[0].replace("\n", " ")
    assert not (tmp_path / "out" / "latest").exists()


def test_a_run_on_the_temporary_server_sends_no_heartbeats_and_one_on_a_real_server_does() -> None:
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    from flows.cli import _without_heartbeats_on_a_temporary_server

    default = get_current_settings().flows.heartbeat_frequency
    assert default is not None  # Prefect's default: a heartbeat every few minutes
    with temporary_settings(updates={PREFECT_API_URL: None}), _without_heartbeats_on_a_temporary_server():
        assert get_current_settings().flows.heartbeat_frequency is None
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}), \
            _without_heartbeats_on_a_temporary_server():
        assert get_current_settings().flows.heartbeat_frequency == default
    assert get_current_settings().flows.heartbeat_frequency == default
