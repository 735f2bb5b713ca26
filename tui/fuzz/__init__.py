"""The long fuzz run, kept out of the test suite: ``python -m tui.fuzz [--n 10000] [--seed S]``.

Generated and mutated inputs (the bundled seeds and, when present, samples of
``../shared/corpora``, rendered as text, Markdown, HTML, JSON Lines and RSS/Atom, then
mutated: byte flips, truncation, other encodings, markup, escapes and controls, DTD bombs)
go through ingestion into a temporary library, then random queries go through the
searcher. Any exception, any article that fails inside the pipeline, and any output that
breaks a promise (unsafe characters, bad spans) is reported with the input's number, so
``--only N`` reproduces it. ``hostile.py`` holds the attacks the tests use too.
"""
