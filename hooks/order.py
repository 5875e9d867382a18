"""When each step runs: the one table of event priorities, on MkDocs' own scale.

MkDocs runs the handlers of one event from the highest priority to the lowest: 100 first, 50 early,
0 by default, -50 late, -100 last (``mkdocs.plugins.event_priority``). At one priority, the theme's
plugins listed under ``plugins:`` (search, offline) run before the hooks, and the hooks in the order
of ``hooks:`` in mkdocs.yml. Every hook handler that must not run at the default says why here;
hooks/*.py decorate it with ``@order.at("module.event")``, and ``tests/test_hooks.py`` checks that
the table and the handlers agree. A handler not listed runs at 0, where its place does not matter.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

# "module.event": (priority, why it runs there)
PRIORITIES: dict[str, tuple[int, str]] = {
    # on_config: the build object first; then the catalogue, before any plugin sets itself up
    "languages.on_config": (100, "creates the build object and sets its language: every other step reads it"),
    "validate.on_config": (90, "checks the catalogue before any plugin starts: nothing is built from invalid content"),
    "generate.on_config": (80, "writes the jieba dictionary before the search plugin (0) loads it"),
    "offline.on_config": (10, "lists the local search shim before the offline plugin (0) would add unpkg.com's"),
    "trainers.on_config": (-10, "after updated (0) read the git history: citations and the feed date pages by it"),
    # on_files: generated pages exist before languages swap in translations and offline maps every page
    "languages.on_files": (-50, "after the generated pages were added (0): translations replace their pages"),
    "offline.on_files": (-100, "after every page was added, generated and translated ones too"),
    # on_page_markdown: markers and model bodies are Simplified; the language's text is chosen last
    "languages.on_page_markdown": (-100, "converts the finished Markdown (markers, mention links, citations) once"),
    # on_page_context: the search plugin (0) indexes page.content; lists and blocks go in after it
    "languages.on_page_context": (50, "the switcher's links are in the context before the theme renders"),
    "generate.on_page_context": (-50, "after the search plugin indexed the page: lists stay out of the index"),
    "trainers.on_page_context": (-40, "after the search plugin indexed the page, before models (-50) adds the related blocks"),
    "models.on_page_context": (-50, "after the search plugin indexed the page: other models' names stay out of it"),
    # on_post_build: the search plugin (0) writes the index; the offline plugin (-100) inlines it
    "search.on_post_build": (-50, "after the search plugin wrote its index, before the offline plugin inlines it"),
    "languages.on_post_build": (-100, "last: this language is complete before the next one is built"),
    # on_post_page / on_post_template: the finished HTML, after every other step changed it
    "csp.on_post_page": (-100, "last: the policy hashes the inline scripts of the page exactly as it is written"),
    "csp.on_post_template": (-100, "last: the 404 page (a theme template, not a Page) gets its policy too"),
}


def at(name: str):
    """The ``event_priority`` decorator for the handler ``name`` ("module.event") from the table."""
    return event_priority(PRIORITIES[name][0])
