"""Keeps Python's cycle collector out of the way of the start and of reading.

Imported before Textual, so it imports nothing but `gc`.
"""

import gc


def hold_collector() -> None:
    """Pause cyclic garbage collection until `release_collector`.

    Importing Textual and building the first screen make some 300,000
    objects that live as long as the app. Every few hundred new objects
    start a collection that walks them again: about 40 ms of collections
    (one full one of 15-30 ms) before the first paint. What the start
    throws away is freed by reference counting alone.
    """
    gc.disable()


def release_collector() -> None:
    """Exempt what the start made from collection, then collect as usual again."""
    gc.freeze()
    gc.enable()


def freeze_heap() -> None:
    """Collect garbage now, then exempt every live object from later collections.

    With 11,000 items in memory a full collection takes a tenth of a second,
    and Python starts one whenever enough objects have been made, such as
    while an article is opened: the reader stalls. The library and the
    modules live until the next reload, so they are frozen out of the
    collector (`gc.freeze`); whatever they leave behind is collected at the
    next reload, in the loading thread.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
