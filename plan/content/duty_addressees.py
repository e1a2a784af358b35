"""Whom each duty of a section IV that addresses a group speaks to. Section IV.1
gives its duties to “Các sở, ban ngành; Ủy ban nhân dân các huyện, thị xã, thành
phố và các cơ quan, đơn vị có liên quan”, but not every bullet is for every member:

- a bullet that opens with “Đề nghị …” asks a body outside the province's
  administration (the State Bank's branch), and names whom it is asked to direct
  (the commercial banks): it is for the bodies it names, and only it is for them;
- a bullet that opens with a group's name (“Các sở, ban, ngành thuộc tỉnh …”) is
  for that group and its members (the departments);
- any other bullet is for the section's group, but not for a body it names as the
  one to work with or report through (“Phối hợp với Sở Nội vụ”, “qua Sở Nội vụ”).

Pure: texts and (code, name, kind) in, addressees out. A body is QUOTED when the
text names it (with the words as written), INFERRED when only the group is named."""

import unicodedata
from dataclasses import dataclass, field

from plan.vocabulary import FactOrigin

REQUEST = "đề nghị "
DEPARTMENT, GROUP = "department", "group"


@dataclass(frozen=True)
class Member:
    code: str
    name: str
    kind: str


@dataclass
class Duty:
    text: str
    addressees: dict = field(default_factory=dict)  # code → (FactOrigin, words as written or "")

    def origin_for(self, code):
        return self.addressees.get(code)


def folded(text):
    return unicodedata.normalize("NFC", text).casefold()


def named_in(text, member):
    """The member's name as written in the text, or "" when the text does not name it."""
    start = folded(text).find(folded(member.name))
    return text[start : start + len(member.name)] if start >= 0 else ""


def address(duties, heading, members):
    """[Duty] in order, each with the members it is for."""
    members = [Member(*m) if not isinstance(m, Member) else m for m in members]
    requested = set()
    result = [Duty(text) for text in duties]
    for duty in result:
        if folded(duty.text).startswith(REQUEST):
            for member in members:
                words = named_in(duty.text, member)
                if words:
                    duty.addressees[member.code] = (FactOrigin.QUOTED, words)
                    requested.add(member.code)
    for duty in result:
        if duty.addressees:
            continue
        opening = next((m for m in members if m.kind == GROUP and folded(duty.text).startswith(folded(m.name))), None)
        if opening is not None:
            duty.addressees[opening.code] = (FactOrigin.QUOTED, duty.text[: len(opening.name)])
            for member in members:
                if member.kind == DEPARTMENT:
                    duty.addressees[member.code] = (FactOrigin.INFERRED, "")
            continue
        for member in members:
            if member.code in requested or named_in(duty.text, member):
                continue
            words = named_in(heading, member)
            duty.addressees[member.code] = (FactOrigin.QUOTED, words) if words else (FactOrigin.INFERRED, "")
    return result


def duties_for(duties, heading, members, code):
    """[(text, FactOrigin, words)] of the duties that are for the member `code`."""
    found = []
    for duty in address(duties, heading, members):
        origin = duty.origin_for(code)
        if origin is not None:
            found.append((duty.text, *origin))
    return found
