"""The short summary a reviewer sees on the terminal after a review."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

STYLE = {"red": "bold red", "amber": "bold yellow", "green": "bold green", "grey": "dim"}


def print_summary(data: dict, outputs: list[str], console: Console | None = None) -> None:
    console = console or Console()
    docs = data["pack"]["documents"]
    table = Table(title=f"LAA review: {data['pack']['name']}", show_lines=False)
    table.add_column("Characteristic", overflow="fold", ratio=1)
    table.add_column("Rating")
    table.add_column("Worst", justify="right")
    table.add_column("Best", justify="right")
    by_id = {f["id"]: f for f in data["findings"]}
    for c in data["characteristics"]:
        fs = [by_id[i] for i in c["findings"]]
        table.add_row(c["title"], f"[{STYLE[c['rating']]}]{c['rating']}[/]",
                      str(sum(f["polarity"] == "worst" for f in fs)), str(sum(f["polarity"] == "best" for f in fs)))
    console.print(table)
    for d in docs:
        if d["status"] != "ok":
            console.print(f"[yellow]{d['file']}[/]: {d['status']}: {d['error']}", highlight=False)
    console.print(f"{len(docs)} document(s), {len(data['findings'])} finding(s). Written: " + ", ".join(outputs),
                  highlight=False)
