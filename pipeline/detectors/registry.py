"""Detectors are small registered units. Each declares the signals it can emit; the runner checks that
it emits no others, so the catalogue and the code cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..findings import Finding
from ..framework import Framework
from ..pack import Pack
from ..settings import Settings

DetectorFn = Callable[[Pack, Settings], Iterable[Finding]]


@dataclass(frozen=True)
class Detector:
    name: str  # e.g. 'rule:target-table'
    signals: tuple[str, ...]
    run: DetectorFn


REGISTRY: dict[str, Detector] = {}


def detector(name: str, signals: Iterable[str]):
    """Register a function `fn(pack, settings) -> Iterable[Finding]` under `name`."""

    def register(fn: DetectorFn) -> DetectorFn:
        if name in REGISTRY:
            raise ValueError(f"two detectors named {name}")
        REGISTRY[name] = Detector(name, tuple(signals), fn)
        return fn

    return register


def run_detectors(pack: Pack, framework: Framework, settings: Settings,
                  only: Iterable[str] | None = None) -> list[Finding]:
    from . import load_all

    load_all()
    findings: list[Finding] = []
    for det in REGISTRY.values():
        if only is not None and det.name not in set(only):
            continue
        for finding in det.run(pack, settings):
            if finding.signal not in det.signals:
                raise RuntimeError(f"detector {det.name} emitted undeclared signal {finding.signal}")
            finding.detector = finding.detector or det.name
            findings.append(finding.resolve(framework))
    return findings
