"""Smoke test of scripts/benchmark.py: its synthetic catalogue is valid and both configurations build.

No timing assertions: the benchmark's numbers depend on the machine, so they live on a docs page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import load_script
from mkdocs.utils.yaml import yaml_load

import govcat

ROOT = Path(__file__).resolve().parent.parent
N = 20


benchmark = load_script("benchmark")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return benchmark.make_project(tmp_path_factory.mktemp("bench") / "project", N)


def test_synthetic_catalogue_is_valid(project):
    catalogue = govcat.load(project / "docs", project / "data", root=project)
    assert len(catalogue.models) == N
    models = list(catalogue.models.values())
    assert len({m.place for m in models}) > 3, "models are spread over several places"
    assert len({t for m in models for t in m.themes}) > 3, "and over several themes"
    titles = {m.title for m in models}
    assert any(t in m.body for m in models for t in titles - {m.title}), "some pages mention other models"
    sizes = [len(m.body.encode()) for m in models]
    assert 1200 < sum(sizes) / len(sizes) < 3500, "bodies of realistic length"


def test_generation_is_deterministic():
    registries = {"places": [["a-cun", "甲村", "village"], ["b-shequ", "乙社区", "community"]],
                  "vocabulary": {"kinds": ["模式"], "dimensions": ["自治强基", "法治保障"],
                                 "themes": ["矛盾调解", "居民自治", "志愿服务"], "problems": ["家庭矛盾"],
                                 "statuses": ["状态不明"]},
                  "sources": ["s-1"]}
    first = benchmark.synthetic_models(50, registries, seed=7)
    assert first == benchmark.synthetic_models(50, registries, seed=7)
    assert first != benchmark.synthetic_models(50, registries, seed=8)


def test_no_hooks_config_differs_only_where_the_hooks_are(project):
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text_without = (project / benchmark.NOHOOKS_CONFIG).read_text(encoding="utf-8")
    assert yaml_load(text).get("hooks")
    without = yaml_load(text_without)
    assert "hooks" not in without
    blocks, blocks_without = dict(benchmark._blocks(text)), dict(benchmark._blocks(text_without))
    for key in set(blocks) - {"hooks", "nav", "validation", "exclude_docs"}:
        assert blocks_without[key] == blocks[key], key  # same theme, plugins (search), extensions, verbatim

    def targets(nav):
        for item in nav:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            yield from targets(value) if isinstance(value, list) else [value]

    assert all((project / "docs" / t).exists() for t in targets(without["nav"]))


def test_one_language_config_differs_only_in_languages(project):
    path = project / benchmark.ONE_LANGUAGE_CONFIG
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    languages = (yaml_load(text).get("extra") or {}).get("languages") or []
    if len(languages) < 2:
        assert not path.exists()
        return
    single = path.read_text(encoding="utf-8")
    assert yaml_load(single)["extra"]["languages"] == languages[:1]
    blocks, blocks_single = dict(benchmark._blocks(text)), dict(benchmark._blocks(single))
    assert {k: v for k, v in blocks.items() if k != "extra"} == {k: v for k, v in blocks_single.items() if k != "extra"}


def test_both_variants_build(project):
    for variant, config in (("hooks", "mkdocs.yml"), ("nohooks", benchmark.NOHOOKS_CONFIG)):
        site = project.parent / f"site-{variant}"
        run = benchmark.build(project, config, site)
        assert run["wall"] > 0 and run["cpu"] > 0 and run["peak_rss_mb"] > 0
        figures = benchmark.measure_site(site, site.with_suffix(".log").read_text(errors="replace"))
        assert figures["model_pages"] == N, variant
        search = figures["search"]
        if variant == "hooks":  # Pagefind's chunks, and the seconds each language's indexing took
            assert search["pagefind_files"] > 3 and search["largest_chunk_bytes"] > 0
            assert len(search["index_seconds"]) == 3 and all(s > 0 for s in search["index_seconds"])
        else:  # the theme's own index
            assert search["pagefind_files"] == 0 and search["theme_index_bytes"] > 0
        json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def _result(models: int, **variants: dict) -> dict:
    return {"models": models, **{name.replace("_", "-"): v for name, v in variants.items()}}


def test_budgets_report_the_hooks_cost_and_judge_the_readers_bytes():
    r = _result(1000, hooks={"wall": 30.0, "cpu": 30.0, "reader": {"visit_bytes": 80_000,
                                                                    "visit_and_query_bytes": 320 * 1024}},
                one_language={"wall": 11.0, "cpu": 10.0, "instructions": 120},
                nohooks={"wall": 10.0, "cpu": 10.0, "instructions": 100})
    checks = {(c["budget"], c["metric"]): c for c in benchmark.budgets([r])}
    one = "what the hooks add at 1,000 models [hooks, source language only]"
    assert checks[(one, "wall")]["pass"] == "info" and checks[(one, "wall")]["value"] == pytest.approx(0.10)
    counted = checks[("what the hooks add at 1,000 models", "instructions")]
    assert counted["pass"] == "info" and counted["value"] == pytest.approx(0.20)
    reader = checks[("a first visit to a model page and one query's first results at 1,000 models", None)]
    assert reader["pass"] is False and reader["value"] == 320 * 1024  # over 300 KB
    assert checks[("a first visit to a model page and one query's first results at 5,000 models", None)]["pass"] is None
    assert checks[("5,000 models take at most 5.5× the time of 1,000", "wall")]["pass"] is None  # not measured


def test_a_query_within_the_budget_passes():
    r = _result(5000, hooks={"wall": 1.0, "cpu": 1.0, "reader": {"visit_bytes": 1, "visit_and_query_bytes": 200_000}},
                nohooks={"wall": 1.0, "cpu": 1.0})
    checks = benchmark.budgets([r])
    assert next(c for c in checks if "one query" in c["budget"] and "5,000" in c["budget"])["pass"] is True


def test_synthetic_projects_keep_the_synonyms_their_catalogue_uses(project):
    """govcat.load requires each synonym term in the catalogue: the synthetic one keeps those it uses."""
    kept = govcat.load(project / "docs", project / "data", root=project).synonyms
    everything = yaml_load((ROOT / "data" / "synonyms.yml").read_text(encoding="utf-8"))
    assert kept and len(kept) <= len(everything)
    assert {s.term for s in kept} <= {str(e["term"]) for e in everything}
