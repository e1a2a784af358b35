"""Index settings for Wagtail's Elasticsearch backend that fold Vietnamese
diacritics in full text and autocomplete alike (plain data, no server needed).

Every analyzer that Wagtail's mappings use is redefined with the same folding
chain: combining marks (decomposed input) are stripped before tokenising, then
letters are lower-cased and folded to ASCII (asciifolding turns "ế" into "e" and
"đ" into "d"). "default" covers the search fields and the catch-all ``_all_text``;
``edgengram_analyzer`` covers autocomplete at index time and "standard" (the
search analyzer Wagtail sets on autocomplete fields) at query time. Only
Elasticsearch's built-in analysis is used: no plugin (ICU) is needed.

Queries reach Elasticsearch already folded (search.folding), and every document
carries a folded copy of its text (``folded_search_text``), so search stays
accent-insensitive even on an index built before these settings: they matter for
the original-text fields and for searches from Wagtail's admin.
"""

COMBINING_MARKS = "strip_combining_marks"

FOLDING_FILTERS = ["lowercase", "asciifolding"]


def folding_analyzer(*extra_filters):
    return {
        "type": "custom",
        "tokenizer": "standard",
        "char_filter": [COMBINING_MARKS],
        "filter": [*FOLDING_FILTERS, *extra_filters],
    }


def index_settings():
    """INDEX_SETTINGS for WAGTAILSEARCH_BACKENDS: merged by Wagtail into its own
    defaults (which define the "ngram" and "edgengram" token filters used here)."""
    return {
        "settings": {
            "analysis": {
                "char_filter": {
                    COMBINING_MARKS: {
                        "type": "pattern_replace",
                        # Unicode's combining diacritical marks (U+0300–U+036F).
                        "pattern": "[\\u0300-\\u036f]",
                        "replacement": "",
                    }
                },
                "analyzer": {
                    "default": folding_analyzer(),
                    "standard": folding_analyzer(),
                    "folding": folding_analyzer(),
                    "edgengram_analyzer": folding_analyzer("edgengram"),
                    "ngram_analyzer": folding_analyzer("ngram"),
                },
            }
        }
    }
