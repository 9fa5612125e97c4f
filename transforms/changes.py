"""What changed between two snapshots, from their manifests."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from transforms.escapes import markdown_code


def _documents(manifest: Mapping[str, Any] | None) -> dict[str, str]:
    if not manifest:
        return {}
    return {i["path"]: i["sha256"] for i in manifest.get("inputs", []) if i.get("status") == "document"}


def change_report(previous: Mapping[str, Any] | None, current: Mapping[str, Any]) -> dict[str, Any]:
    """Documents added / changed / removed / unchanged, and row deltas per table, from ``previous`` (None for
    the first run) to ``current``. Both are manifests (or anything with ``inputs`` and ``row_counts``)."""
    old, new = _documents(previous), _documents(current)
    old_rows: Mapping[str, int] = (previous or {}).get("row_counts", {})
    new_rows: Mapping[str, int] = current.get("row_counts", {})
    return {
        "previous_run_id": (previous or {}).get("run_id"),
        "documents": {
            "added": sorted(new.keys() - old.keys()),
            "changed": sorted(p for p in new.keys() & old.keys() if new[p] != old[p]),
            "removed": sorted(old.keys() - new.keys()),
            "unchanged": sum(1 for p in new.keys() & old.keys() if new[p] == old[p]),
        },
        "rows": {
            t: {"before": old_rows.get(t, 0), "after": new_rows.get(t, 0),
                "delta": new_rows.get(t, 0) - old_rows.get(t, 0)}
            for t in sorted(set(old_rows) | set(new_rows), key=lambda t: (t not in new_rows, t))
        },
    }


def change_markdown(report: Mapping[str, Any]) -> str:
    docs = report["documents"]
    since = f"run {report['previous_run_id']}" if report["previous_run_id"] else "nothing (first run)"
    lines = [
        f"# Changes since {since}",
        "",
        f"Documents: {len(docs['added'])} added, {len(docs['changed'])} changed, {len(docs['removed'])} removed, "
        f"{docs['unchanged']} unchanged.",
        "",
    ]
    for kind in ("added", "changed", "removed"):
        lines += [f"- {kind}: {markdown_code(p)}" for p in docs[kind][:50]]
        if len(docs[kind]) > 50:
            lines.append(f"- ... and {len(docs[kind]) - 50} more {kind}")
    lines += ["", "| table | before | after | delta |", "|---|---:|---:|---:|"]
    lines += [f"| {t} | {r['before']} | {r['after']} | {r['delta']:+d} |" for t, r in report["rows"].items()]
    return "\n".join(lines) + "\n"
