"""The indices the plan sets out to raise (section I.1) and the province's own index
of its departments and districts (section IV.2): their codes, names, who publishes
them and what they measure, and the vocabularies of a figure. Pure: models, the
loader, the importer and the pages share it."""

from dataclasses import dataclass

from django.db import models


class IndexCode(models.TextChoices):
    PAPI = "PAPI", "PAPI"
    PCI = "PCI", "PCI"
    SIPAS = "SIPAS", "SIPAS"
    PAR_INDEX = "PAR_INDEX", "PAR INDEX"
    PROVINCE = "CCHC_TINH", "Chỉ số CCHC của các sở, ngành, huyện"


class UnitKind(models.TextChoices):
    PROVINCE = "province", "Tỉnh, thành phố"
    DEPARTMENT = "department", "Sở, ban, ngành"
    DISTRICT = "district", "UBND cấp huyện"
    NATIONAL = "national", "Toàn quốc"


class Level(models.TextChoices):
    TOTAL = "total", "Tổng"
    COMPONENT = "component", "Chỉ số thành phần"
    DIMENSION = "dimension", "Chỉ số nội dung"
    SUBDIMENSION = "subdimension", "Chỉ số nội dung thành phần"
    CRITERION = "criterion", "Tiêu chí"


class SourceKind(models.TextChoices):
    REPORT = "report", "Báo cáo chính thức (bản sao)"
    PORTAL = "portal", "Cổng thông tin nhà nước hoặc đơn vị công bố"
    PRESS = "press", "Báo chí"
    RESEARCH = "research", "Bộ dữ liệu nghiên cứu, không chính thức"


class Flag(models.TextChoices):
    NONE = "", "Không"
    DISAGREEMENT = "nguon_khac_nhau", "Các nguồn ghi khác nhau"
    MISPRINT = "co_the_in_nham", "Có thể in nhầm"


# The province's figures are Hải Dương's; Hải Phòng's are context since the merger.
HOME_UNIT = "Hải Dương"
MERGED_INTO = "Hải Phòng"
MERGER_DATE_TEXT = "01/7/2025"
GAP_TEXT = "chưa tìm thấy số liệu công bố"


@dataclass(frozen=True)
class IndexInfo:
    code: str
    slug: str
    short_name: str
    full_name: str
    publisher: str
    measures: str  # what it measures, in a sentence or two
    structure: str  # its parts
    plan_words: str  # where the plan speaks of it


INDICES = [
    IndexInfo(
        IndexCode.PAPI,
        "papi",
        "PAPI",
        "Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh",
        "Trung tâm Nghiên cứu phát triển và Hỗ trợ cộng đồng (CECODES), Mặt trận Tổ quốc Việt Nam và "
        "Chương trình Phát triển Liên hợp quốc (UNDP) tại Việt Nam, công bố hằng năm.",
        "Trải nghiệm và đánh giá của người dân về việc chính quyền các cấp điều hành, quản lý và cung ứng dịch vụ "
        "công, qua khảo sát xã hội học tại 63 tỉnh, thành phố.",
        "Tám chỉ số nội dung, mỗi chỉ số gồm các chỉ số nội dung thành phần; tổng điểm là tổng của tám chỉ số nội "
        "dung (nguồn ghi thang “điểm / 80” cho tổng và “điểm / 10” cho mỗi chỉ số nội dung).",
        "Mục I.1 của Kế hoạch: góp phần cải thiện Chỉ số Hiệu quả quản trị và hành chính công (PAPI).",
    ),
    IndexInfo(
        IndexCode.PCI,
        "pci",
        "PCI",
        "Chỉ số năng lực cạnh tranh cấp tỉnh",
        "Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI), công bố hằng năm.",
        "Chất lượng điều hành kinh tế và môi trường kinh doanh của chính quyền cấp tỉnh, theo khảo sát doanh nghiệp.",
        "Các chỉ số thành phần do VCCI công bố; nguồn ghi thang “điểm / 100” cho điểm PCI.",
        "Mục I.1 của Kế hoạch: nâng cao năng lực cạnh tranh cấp tỉnh, góp phần cải thiện Chỉ số năng lực cạnh tranh "
        "cấp tỉnh (PCI).",
    ),
    IndexInfo(
        IndexCode.SIPAS,
        "sipas",
        "SIPAS",
        "Chỉ số hài lòng về sự phục vụ hành chính",
        "Bộ Nội vụ, công bố hằng năm cùng Chỉ số cải cách hành chính.",
        "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước, tính bằng phần "
        "trăm.",
        "Một tỉ lệ phần trăm cho mỗi tỉnh, thành phố; SIPAS cũng là một phần của điểm PAR INDEX.",
        "Mục I.1 của Kế hoạch: góp phần cải thiện Chỉ số hài lòng về sự phục vụ hành chính (SIPAS).",
    ),
    IndexInfo(
        IndexCode.PAR_INDEX,
        "par-index",
        "PAR INDEX",
        "Chỉ số cải cách hành chính",
        "Bộ Nội vụ, công bố hằng năm cho các bộ, cơ quan ngang bộ và UBND các tỉnh, thành phố trực thuộc Trung ương.",
        "Kết quả thực hiện cải cách hành chính của từng tỉnh, thành phố, tính bằng phần trăm điểm tối đa.",
        "Các chỉ số thành phần ứng với các lĩnh vực cải cách; mục IV của Kế hoạch giao từng chỉ số thành phần cho "
        "một cơ quan theo dõi, tham mưu và chịu trách nhiệm.",
        "Mục I.1 của Kế hoạch: góp phần cải thiện Chỉ số cải cách hành chính (PAR INDEX); mục IV giao các chỉ số "
        "thành phần cho Sở Nội vụ, Sở Tư pháp, Văn phòng UBND tỉnh, Sở Tài chính và Sở Thông tin và Truyền thông.",
    ),
    IndexInfo(
        IndexCode.PROVINCE,
        "cchc-so-nganh-huyen",
        "Chỉ số CCHC của các sở, ngành, huyện",
        "Chỉ số cải cách hành chính của các sở, ban, ngành và UBND cấp huyện tỉnh Hải Dương",
        "UBND tỉnh Hải Dương, theo đánh giá hằng năm của Sở Nội vụ; kết quả năm 2022 công bố tại Quyết định "
        "số 336/QĐ-UBND ngày 01/3/2023.",
        "Kết quả cải cách hành chính của từng sở, ban, ngành và UBND cấp huyện, tính bằng phần trăm điểm tối đa, "
        "xếp theo nhóm.",
        "Chỉ số tổng hợp của từng đơn vị, theo các tiêu chí do tỉnh quy định; kết quả được công bố theo nhóm điểm.",
        "Mục IV.2 của Kế hoạch: Sở Nội vụ tổ chức đánh giá xác định chỉ số cải cách hành chính hằng năm đối với các "
        "sở, ban, ngành và Ủy ban nhân dân cấp huyện.",
    ),
]
BY_CODE = {info.code: info for info in INDICES}
BY_SLUG = {info.slug: info for info in INDICES}
PLAN_INDICES = [info for info in INDICES if info.code != IndexCode.PROVINCE]  # the four of section I.1

# PAR INDEX components as the plan's areas name them (AreaPage.par_component).
PAR_COMPONENTS = [
    "Công tác chỉ đạo, điều hành cải cách hành chính",
    "Cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Xây dựng Chính quyền điện tử, Chính quyền số",
    "Đánh giá tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội",
]
