"""What the public site, public certificates and the yearbook show of a winning entry's authors:
their consent to publishing decides (``privacy.publication``)."""

from dataclasses import dataclass

from lienhiep.core.sites import site_of
from lienhiep.privacy.publication import name_rule, shown_name


@dataclass
class ShownAuthor:
    name: str
    workplace: str


def rule_for(round):
    return name_rule(site_of(round.contest.union_id))


def shown_authors(entry, rule):
    """The authors of ``entry`` as the public sees them: the school only with consent, and no
    line at all for a name the rule hides."""
    shown = []
    for author in entry.authors.all():
        name = shown_name(author, rule)
        if name:
            shown.append(ShownAuthor(name, author.workplace if author.may_publish else ""))
    return shown


def shows_photo(entry):
    """An entry's photo shows its authors: only when every author consented to publishing."""
    return all(author.may_publish for author in entry.authors.all())


def authors_line(entry, rule, separator=", "):
    return separator.join(
        f"{a.name} ({a.workplace})" if a.workplace else a.name for a in shown_authors(entry, rule)
    )
