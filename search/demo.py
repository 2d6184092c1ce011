"""Search has no demo content of its own: after load_demo, bring the index up to date."""

from django.db import transaction

from . import documents, indexing


def load(site, log):
    if not documents.is_configured():
        log("search: no ELASTICSEARCH_URL, the search page answers from the database")
        return

    def update_index():
        # After the demo transaction commits; a missing or outdated index is rebuilt.
        try:
            es = documents.client(timeout=30)
            current = documents.current_indices(es)
            if any(f"-v{documents.MAPPING_VERSION}-" in name for name in current):
                report = indexing.sync()
                log(
                    f"search: index synced ({len(report.missing)} added, "
                    f"{len(report.stale)} updated, {len(report.extra)} removed)"
                )
            else:
                name, count = indexing.rebuild()
                log(f"search: built {name} with {count} documents")
        except indexing.ENGINE_ERRORS as error:
            log(f"search: Elasticsearch unavailable ({error}); later run search_index --rebuild")

    transaction.on_commit(update_index)
