"""Group clippings into stories: one per news event, from every source that covered it."""
