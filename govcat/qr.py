"""QR codes of page addresses, as inline SVG for print cards.

segno draws the code as vector paths at build time: nothing is fetched from a QR service, and
the printed code is as sharp as the printer. Error correction M (15%) survives a crease or a
pen mark; the quiet zone keeps the four modules the standard asks for.
"""

from __future__ import annotations


def svg(url: str, title: str) -> str:
    """The code of ``url`` as an ``<svg>`` element sized by CSS (a viewBox, no width or height)."""
    import segno

    code = segno.make(url, error="m", micro=False, boost_error=False)
    return code.svg_inline(scale=1, border=4, omitsize=True, svgclass="gm-qr__code", lineclass=None,
                           title=title, dark="#000", light="#fff")
