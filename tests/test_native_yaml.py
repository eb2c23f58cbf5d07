"""Reading YAML quickly changes nothing: every node gets PyYAML's tag, aliases are still refused,
and a finding in any kind of YAML scalar points at its text in the file."""

from __future__ import annotations

from functools import cache

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialrules import Linter, SocialrulesError, yamlfile
from socialrules.readers.native import read


def walk(text: str, loader) -> list[yaml.Node]:
    """Every node of a document, depth first; a node met twice (an alias) is listed twice."""
    reader = loader(text)
    try:
        root = reader.get_single_node()
    finally:
        reader.dispose()
    found, stack, opened = [], [root] if root is not None else [], set()
    while stack:
        node = stack.pop()
        found.append(node)
        if id(node) in opened:
            continue  # its children are listed already ("&a [*a]" holds itself)
        opened.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return found


def nodes(text: str, loader) -> list[tuple]:
    """Each node's kind, tag, value (for a scalar) and place."""
    return [(type(node).__name__, node.tag, node.value if isinstance(node, yaml.ScalarNode) else None,
             node.start_mark.index, node.end_mark.index) for node in walk(text, loader)]


special = st.sampled_from(["true", "No", "off", "~", "null", "", "12", "-0x1F", "1_000", "0o17", ".inf", "-.Inf",
                           ".NaN", "1.5e+3", "190:20:30", "2026-12-01", "2026-12-01T09:30:00+01:00", "<<", "=",
                           "!", "&", "*", "yes please", "1 2", "@x", "#tag"])
scalars = st.one_of(special, st.text(max_size=12))
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(scalars, inner, max_size=3),
                         max_leaves=10)


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="without libyaml, PyYAML's own loader is used")
@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from([None, "'", '"']), st.sampled_from([None, True, False]))
def test_every_node_gets_the_tag_pyyaml_gives_it(data, style, flow):
    text = yaml.dump(data, default_style=style, default_flow_style=flow, allow_unicode=True)
    assert nodes(text, yamlfile._Loader) == nodes(text, yaml.CSafeLoader)
    assert yamlfile.load_yaml(text, "d.yaml", aliases=False).data == yaml.safe_load(text)


@pytest.mark.parametrize("text", [
    "[&a x,*a]", "[{text: &a x}, {text: *a}]", '[{"text":&a x},{"text":*a}]', "[&a x,\t*a]",
    "&a x: *a", "[? &a x : y, *a]", "\ufeff- &a x\n- *a\n", "- &a\n  - x\n- *a\n",
])
def test_an_alias_after_any_separator_is_refused(text):
    assert yamlfile._may_hold_aliases(text)
    with pytest.raises(SocialrulesError, match="aliases are not allowed"):
        yamlfile.load_yaml(text, "d.yaml", aliases=False)


@pytest.mark.parametrize("text", ["- text: R&D, a=1&b=2, 5*3, Tom & Jerry, *important*\n", "- text: '&a' \n"])
def test_ampersands_and_stars_in_texts_are_no_aliases(text):
    assert not yamlfile._may_hold_aliases(text)


separators = st.sampled_from([" ", "\t", "\n", "\n  ", "\n- ", ",", "[", "{", ":", "?", "- ", ": ", "x", "\"", "'", "!"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(separators, st.sampled_from(["&a", "*a", "&b", "*b", "a", "[", "]", "{", "}"])), max_size=12))
def test_a_text_that_may_hold_no_alias_holds_none(parts):
    # The shortcut that skips looking for aliases must never skip a document that has one.
    text = "".join(parts)
    try:
        found = walk(text, yamlfile._Loader)
    except yaml.YAMLError:
        return
    if len({id(node) for node in found}) < len(found):
        assert yamlfile._may_hold_aliases(text), text


# --- a finding points at its text, whatever the YAML style ------------------------------------

# Words with what YAML escapes in a double-quoted value: a tab ("\t"), an accent or an emoji
# without allow_unicode ("\xE9", "\U0001F600"), quotes and backslashes.
words = st.text(st.sampled_from("abcéx'\"\\:#-%&*!|>@,[]{}\t😀"), min_size=1, max_size=8)
texts = st.lists(st.one_of(words, st.just("TODO")), max_size=40).map(" ".join)
entry = st.fixed_dictionaries({"text": texts}, optional={
    "spoiler_text": texts, "thread": st.lists(texts, min_size=1, max_size=2),
    "media": st.lists(st.fixed_dictionaries({"file": st.just("a.png"), "alt": texts}), min_size=1, max_size=2)})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entry, min_size=1, max_size=4), st.sampled_from([None, "'", '"', "|", ">"]),
       st.sampled_from([20, 60, 1000]), st.booleans(), st.sampled_from(["\n", "\r\n"]))
def test_a_finding_points_at_its_text_in_the_file(entries, style, width, unicode, newline):
    text = yaml.dump(entries, allow_unicode=unicode, sort_keys=False, default_style=style, width=width)
    text = text.replace("\n", newline)
    lines = text.split(newline)
    for finding in _linter().check_posts(read(text, "p.yaml")):
        where = finding.location
        assert lines[where.line - 1][where.column - 1 :].startswith(finding.match), (where, finding.match)


@cache
def _linter() -> Linter:
    return Linter.from_config(discover=False, select=("accidental-post",))
