"""IndexedList behaves like a list, with membership by identity."""

from speedups.lists import IndexedList


class Item:
    pass


def test_membership_is_by_identity_and_follows_append():
    first, second, other = Item(), Item(), Item()
    items = IndexedList([first])
    items.append(second)
    assert first in items and second in items and other not in items
    assert list(items) == [first, second] and len(items) == 2
    assert items[1:] == [second]
