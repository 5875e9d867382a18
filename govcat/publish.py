"""Where the site is published: a build meant for publishing must know its real addresses.

``mkdocs.yml`` reads ``site_url`` from ``SITE_URL`` and ``repo_url`` from ``REPO_URL`` and falls back to
placeholder addresses, so that a local preview and the tests work with no variable set. A published site
built that way would send every canonical link, sitemap entry, 404 link, "edit this page" link and print
card to an address that does not exist. A build with ``PUBLISH=true`` (``scripts/build --publish``; the
deploy job in ``.github/workflows/ci.yml`` sets it) therefore refuses the placeholders: each variable
must be set to an absolute http(s) address.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from .problems import CatalogueError, Problem, register

# The fallbacks in mkdocs.yml (tests/test_publish.py checks that the two agree).
PLACEHOLDERS = {
    "SITE_URL": "https://jiceng-zhili.github.io/moshi-ku/",
    "REPO_URL": "https://github.com/jiceng-zhili/moshi-ku",
}
# variable -> (the mkdocs.yml setting it fills, what it is in Chinese, in English, an example)
VARIABLES = {
    "SITE_URL": ("site_url", "网站的发布地址", "the address the site is published at", "https://example.org/kb/"),
    "REPO_URL": ("repo_url", "代码库地址", "the address of the code repository", "https://github.com/OWNER/REPO"),
}
TRUE = {"1", "true", "yes", "on"}

# code -> (zh message, en message, zh fix, en fix), as in govcat.problems.
register({
    "publish-address-unset": (
        "这是发布用的构建（PUBLISH={publish}），但环境变量 {variable}（{what_zh}）没有设置或仍是"
        "占位地址 {placeholder}：发布出去的链接会指向一个不存在的地址。",
        "This build is for publishing (PUBLISH={publish}), but the environment variable {variable} "
        "({what_en}) is unset or still the placeholder {placeholder}: published links would lead nowhere.",
        "设置 {variable} 后再构建，例如 {variable}={example} ./scripts/build --publish；"
        "GitHub Actions 的发布任务会自动设置它。只是本地预览或测试时不要设置 PUBLISH。",
        "Set {variable} and build again, e.g. {variable}={example} ./scripts/build --publish; "
        "the deploy job on GitHub Actions sets it for you. For a local preview or the tests, leave PUBLISH unset.",
    ),
    "publish-address-invalid": (
        "环境变量 {variable}（{what_zh}）的值 {value} 不是完整的 http:// 或 https:// 地址。",
        "The environment variable {variable} ({what_en}) is {value}, not a complete http:// or https:// address.",
        "写成完整地址，例如 {variable}={example}。",
        "Write a complete address, e.g. {variable}={example}.",
    ),
})


def publishing(environ: Mapping[str, str]) -> bool:
    """Whether this build is meant for publishing (``PUBLISH=true``)."""
    return environ.get("PUBLISH", "").strip().lower() in TRUE


def address_problems(environ: Mapping[str, str], config_file: str = "mkdocs.yml") -> list[Problem]:
    """Every problem with the published addresses, all at once; none unless the build is for publishing."""
    if not publishing(environ):
        return []
    problems = []
    for variable, (setting, what_zh, what_en, example) in VARIABLES.items():
        value = environ.get(variable, "").strip()
        params = {"variable": variable, "what_zh": what_zh, "what_en": what_en, "example": example,
                  "publish": environ.get("PUBLISH", "").strip(), "placeholder": PLACEHOLDERS[variable]}
        if not value or _same(value, PLACEHOLDERS[variable]):
            problems.append(Problem(config_file, "publish-address-unset", field=setting, params=params))
        elif not _absolute(value):
            problems.append(Problem(config_file, "publish-address-invalid", field=setting,
                                    params={**params, "value": value}))
    return problems


def check_addresses(environ: Mapping[str, str], config_file: str = "mkdocs.yml") -> None:
    """Raise :class:`CatalogueError` with every address problem of a build meant for publishing."""
    problems = address_problems(environ, config_file)
    if problems:
        raise CatalogueError(problems)


def _same(a: str, b: str) -> bool:
    return a.rstrip("/") == b.rstrip("/")


def _absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not (parts.query or parts.fragment) \
        and not any(c.isspace() for c in url)
