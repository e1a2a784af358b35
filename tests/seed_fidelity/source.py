"""Read the seed plan text on its own, without the data file, so that tests can count
what the plan says and compare it with what the site holds."""

import re
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The published plan text, kept in the repo beside the data file made from it; the
# shared seed (../shared/seed/) is compared with it when it is there.
SEED = REPO / "plan" / "data" / "source" / "ke-hoach-cchc-hai-duong-2024.txt"
SHARED_SEED = REPO.parent / "shared" / "seed" / "ke-hoach-cchc-hai-duong-2024.txt"
AREA_HEADING = re.compile(r"^(\d)\. (.+)$")
# A numeric target: a percentage (a range such as "95% -100%" counts once) or minutes.
TARGET = re.compile(r"\d+\s*%(?:\s*-\s*\d+\s*%)?|\d+\s*phút")


def seed_lines():
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    return [line.strip() for line in text.splitlines() if line.strip()]


def section_ii_areas():
    """{area number: {"indicator_bullets": [...], "task_bullets": [...]}} from section II."""
    lines = seed_lines()
    start = lines.index("II. CÁC CHỈ TIÊU, NHIỆM VỤ CHỦ YẾU")
    end = lines.index("III. KINH PHÍ")
    areas, current, part = {}, None, None
    for line in lines[start + 1 : end]:
        heading = AREA_HEADING.match(line)
        if heading:
            current = areas.setdefault(int(heading.group(1)), {"indicator_bullets": [], "task_bullets": []})
            part = "task_bullets"  # areas without "a)/b)" hold only tasks
            continue
        if line == "a) Chỉ tiêu":
            part = "indicator_bullets"
        elif line == "b) Nhiệm vụ":
            part = "task_bullets"
        elif line.startswith(("- ", "+ ")):
            current[part].append(line)
        elif current[part] and not line.startswith("("):
            current[part][-1] += " " + line  # a paragraph broken across pages
    return areas


def task_count(bullets):
    """Each bullet is a task, except a "-" heading that is followed by "+" sub-bullets."""
    count = 0
    for position, bullet in enumerate(bullets):
        next_is_sub = position + 1 < len(bullets) and bullets[position + 1].startswith("+ ")
        if bullet.startswith("- ") and next_is_sub:
            continue
        count += 1
    return count


# Bullets that join several requirements in one sentence, each measured on its own (the
# target is met only when all are): a count for the site, not a numeric target. The
# first names two activities and the documents that follow them.
JOINED_REQUIREMENTS = {
    "Thực hiện đầy đủ 02 hoạt động theo dõi thi hành pháp luật": 3,
    "Thực hiện đúng quy định về số lượng cấp phó": 2,
    "Tiếp tục triển khai thực hiện giảm số lượng đơn vị sự nghiệp công lập": 2,
    "100% cơ quan, đơn vị thực hiện đúng quy định về quản lý, sử dụng tài sản công": 2,
    "Tiếp tục xây dựng định mức kinh tế - kỹ thuật và xây dựng lộ trình": 2,
}


def indicator_count(bullet):
    for start, count in JOINED_REQUIREMENTS.items():
        if bullet.lstrip("-+ ").startswith(start):
            return count
    return max(1, len(TARGET.findall(bullet)))


def target_bullets(area):
    """The bullets of an area that state targets: its "a) Chỉ tiêu", or, in an area
    without one, the task bullets that state a numeric target (task 1.3's "trên 30%")."""
    if area["indicator_bullets"]:
        return area["indicator_bullets"]
    return [bullet for bullet in area["task_bullets"] if TARGET.search(bullet)]


def plain(text):
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()
