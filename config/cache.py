"""The production cache: Django's database cache, shared by every worker process
without another server, with an atomic `incr` so that the rate limits
(django-ratelimit: `add`, then `incr`) count every request once across processes.

Django's own DatabaseCache.incr reads then writes; here the row is first locked
(SELECT … FOR UPDATE, on databases that have it, PostgreSQL in production) inside a
transaction, so two workers incrementing the same counter wait for each other."""

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction


class SharedDatabaseCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        with transaction.atomic(using=db):
            if connection.features.has_select_for_update:
                table, column = connection.ops.quote_name(self._table), connection.ops.quote_name("cache_key")
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT {column} FROM {table} WHERE {column} = %s FOR UPDATE",  # noqa: S608 (quoted names)
                        [self.make_and_validate_key(key, version=version)],
                    )
            return super().incr(key, delta, version)
