"""Load a clipping's YAML front matter safely, noting the keys YAML says may not repeat."""

from __future__ import annotations

from dataclasses import dataclass

import yaml


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML that leaves timestamps as text, so a bad date spoils one field only."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)


@dataclass(frozen=True)
class Duplicate:
    """A key that appears more than once in one mapping (YAML forbids it)."""

    key: str
    lines: tuple[int, ...]  # 1-based, within the front matter text
    values: tuple[str, ...]  # the raw scalar values, "" for anything else
    top_level: bool


def load_header(text: str) -> tuple[object, list[Duplicate]]:
    """Return the data in text and the duplicate keys of its mappings.

    PyYAML keeps the last of repeated keys without a word; the caller decides
    what an ambiguous value means. Raises yaml.YAMLError like yaml.load.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        duplicates = _duplicates(node) if node is not None else []
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, duplicates


def _duplicates(root: yaml.Node) -> list[Duplicate]:
    found: list[Duplicate] = []
    seen: set[int] = set()  # aliases share nodes: visit each once (no alias bombs)
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            found += _repeated_keys(node, node is root)
            stack += [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return found


def _repeated_keys(node: yaml.MappingNode, top_level: bool) -> list[Duplicate]:
    by_key: dict[str, list[tuple[yaml.Node, yaml.Node]]] = {}
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
            by_key.setdefault(key.value, []).append((key, value))
    return [
        Duplicate(
            key=name,
            lines=tuple(k.start_mark.line + 1 for k, _ in pairs),
            values=tuple(v.value if isinstance(v, yaml.ScalarNode) else "" for _, v in pairs),
            top_level=top_level,
        )
        for name, pairs in by_key.items()
        if len(pairs) > 1
    ]
