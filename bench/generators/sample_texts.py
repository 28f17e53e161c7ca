"""Invented records used by ``bench/generators/docgen.py`` to build the files in ``samples/``.

Every name, number and sentence here is fictional test data written for this project.
Symbols of real documents appear only as citations. Each entry is
``(file name, format, OfficialDoc fields, writer keyword arguments)``.
"""

from __future__ import annotations

from typing import Any


def _paras(text: str) -> tuple[str, ...]:
    """Split blank-line separated blocks into paragraphs, joining wrapped lines."""
    return tuple(" ".join(block.split()) for block in text.strip().split("\n\n"))


_TW = "BAN CHẤP HÀNH TRUNG ƯƠNG"
_TU = "TỈNH ỦY QUẢNG TRỊ"
_LUU_VPTU = "- Lưu Văn phòng Tỉnh ủy."
_LUU_VPTW = "- Lưu Văn phòng Trung ương Đảng."

NQ_57 = _paras("""
I. TÌNH HÌNH VÀ NGUYÊN NHÂN

Sau 5 năm thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị, nhận
thức của các cấp ủy, chính quyền về vai trò của khoa học, công nghệ đã có chuyển biến
rõ nét. Nhiều bộ, ngành, địa phương đã đưa dịch vụ công trực tuyến vào vận hành, từng
bước hình thành các cơ sở dữ liệu dùng chung. Tuy vậy, đầu tư cho nghiên cứu còn
thấp, dữ liệu phân tán và thiếu chuẩn chung; chuyển đổi số trong các cơ quan của hệ
thống chính trị chưa đồng đều, nhiều nơi còn làm theo phong trào.

II. QUAN ĐIỂM, MỤC TIÊU

Bộ Chính trị xác định phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi
số là nhiệm vụ trọng tâm, xuyên suốt của cả hệ thống chính trị, trong đó người đứng
đầu cấp ủy trực tiếp chịu trách nhiệm. Lấy hiệu quả phục vụ người dân, doanh nghiệp
làm thước đo; coi dữ liệu là tài sản chung, phải được quản lý thống nhất, bảo đảm an
toàn, an ninh thông tin.

Phấn đấu đến năm 2030, toàn bộ văn bản, hồ sơ công việc của các cơ quan đảng từ
Trung ương đến cấp tỉnh được xử lý trên môi trường số, trừ văn bản có nội dung bí mật
nhà nước; tài liệu lưu trữ có giá trị được số hóa và đưa vào khai thác.

III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU

Các cấp ủy, tổ chức đảng rà soát, sửa đổi các quy định không còn phù hợp; ưu tiên
nguồn lực xây dựng hạ tầng số dùng chung, cơ sở dữ liệu văn bản và tài liệu lưu trữ
của Đảng. Gắn chuyển đổi số với cải cách hành chính trong Đảng, giảm hội họp và giấy
tờ, nâng cao chất lượng tham mưu, phục vụ của các cơ quan giúp việc.

IV. TỔ CHỨC THỰC HIỆN

Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương xây dựng kế hoạch thực hiện
Nghị quyết trong quý I năm 2025. Văn phòng Trung ương Đảng chủ trì, phối hợp với các
cơ quan liên quan hướng dẫn, theo dõi, đôn đốc; định kỳ hằng năm báo cáo Bộ Chính trị.
""")

KL_133 = _paras("""
Tại phiên họp ngày 7/3/2025, sau khi nghe Văn phòng Trung ương Đảng báo cáo kết quả
cải cách hành chính trong các cơ quan của Đảng giai đoạn 2021–2024 và ý kiến của các
cơ quan liên quan, Bộ Chính trị kết luận như sau:

1. Thời gian qua, cải cách hành chính trong Đảng được triển khai tương đối đồng bộ.
Quy trình tiếp nhận, xử lý văn bản được rút gọn; tỉ lệ văn bản điện tử gửi, nhận giữa
các cơ quan đảng tăng nhanh; việc thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024
của Bộ Chính trị bước đầu được cụ thể hóa bằng kế hoạch ở nhiều địa phương. Tuy
nhiên, một số nơi còn ban hành văn bản trùng lặp, thời hạn xử lý kéo dài; công tác lập
hồ sơ và nộp lưu tài liệu vào lưu trữ cơ quan chưa nghiêm.

2. Các cấp ủy, tổ chức đảng cần coi cải cách hành chính là nhiệm vụ thường xuyên, gắn
với trách nhiệm người đứng đầu. Tập trung chuẩn hóa thể thức, kỹ thuật trình bày văn
bản theo Hướng dẫn số 36-HD/VPTW của Văn phòng Trung ương Đảng; mỗi văn bản đi phải
có số, ký hiệu và ngày tháng rõ ràng để tra cứu, trích dẫn chính xác.

3. Đẩy mạnh số hóa tài liệu lưu trữ, trước hết là nghị quyết, chỉ thị, kết luận của cấp
ủy các cấp. Việc lưu giữ tài liệu có nội dung bí mật nhà nước thực hiện trên hệ thống
mạng nội bộ độc lập, không kết nối Internet; mọi lượt truy cập, khai thác phải được
ghi nhận đầy đủ.

4. Giao Văn phòng Trung ương Đảng chủ trì theo dõi, đôn đốc việc thực hiện Kết luận
này; Ban Bí thư cho ý kiến chỉ đạo cụ thể về công tác văn thư, lưu trữ trong năm 2025.
""")

TB_168 = _paras("""
Ngày 3/4/2025, Ban Bí thư nghe Văn phòng Trung ương Đảng báo cáo tình hình công tác
văn thư, lưu trữ của các cơ quan đảng và đề xuất lộ trình số hóa tài liệu theo Kết luận
số 133-KL/TW ngày 14/3/2025 của Bộ Chính trị. Ban Bí thư kết luận:

1. Cơ bản đồng ý với báo cáo. Ban Bí thư ghi nhận các văn phòng cấp ủy đã chủ động
tham mưu, phục vụ, bảo đảm thông suốt việc gửi, nhận văn bản điện tử; nhiều tỉnh ủy đã
lập được danh mục hồ sơ và từng bước chuyển đổi số kho lưu trữ.

2. Từ nay đến hết năm 2026, các cấp ủy tập trung hoàn thành số hóa toàn bộ nghị quyết,
chỉ thị, kết luận, quy định của cấp ủy và ban thường vụ cấp ủy từ năm 2001 trở lại đây;
tài liệu đánh máy bằng phông chữ cũ phải được chuyển mã và kiểm tra lại trước khi đưa
vào cơ sở dữ liệu. Việc tra cứu phải bảo đảm tìm được văn bản theo số, ký hiệu, ngày
ban hành, cơ quan ban hành và nội dung trích yếu.

3. Tài liệu mật chỉ được quản lý trên mạng nội bộ độc lập; phân quyền khai thác theo
chức trách; mọi lượt xem, tải tài liệu phải được ghi nhật ký. Hồ sơ thuộc diện bảo
quản vĩnh viễn không được tiêu hủy dưới bất kỳ hình thức nào.

4. Giao Văn phòng Trung ương Đảng ban hành văn bản hướng dẫn cụ thể trong tháng 5/2025
và tổng hợp kết quả thực hiện, báo cáo Ban Bí thư vào cuối năm.
""")

CV_2184 = _paras("""
Kính gửi: Văn phòng các tỉnh ủy, thành ủy

Thực hiện Thông báo kết luận số 168-TB/TW ngày 10/4/2025 của Ban Bí thư về công tác
văn thư, lưu trữ và chuyển đổi số trong các cơ quan đảng, Văn phòng Trung ương Đảng đề
nghị văn phòng các tỉnh ủy, thành ủy triển khai một số việc sau:

1. Rà soát toàn bộ tài liệu của cấp ủy, ban thường vụ cấp ủy đang bảo quản tại lưu trữ
cơ quan; lập danh mục nghị quyết, chỉ thị, kết luận, quy định theo số, ký hiệu và ngày
ban hành. Lưu ý số văn bản được đánh lại từ đầu theo từng nhiệm kỳ, vì vậy không dùng
riêng số, ký hiệu làm khóa tra cứu.

2. Tài liệu giấy được số hóa ở độ phân giải 300 dpi, nhận dạng chữ tiếng Việt và kiểm
tra lại các trang tiêu đề. Văn bản điện tử soạn bằng phông chữ TCVN3 hoặc VNI phải
được chuyển sang Unicode dựng sẵn trước khi nộp lưu.

3. Tài liệu có nội dung bí mật nhà nước không được đưa lên mạng có kết nối Internet;
việc số hóa thực hiện trên máy tính độc lập do bộ phận bảo mật của cơ quan quản lý.

4. Báo cáo kết quả rà soát về Văn phòng Trung ương Đảng (qua bộ phận lưu trữ) trước
ngày 30/6/2025. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ bộ phận
hành chính để được hướng dẫn.
""")

KH_205 = _paras("""
I. MỤC ĐÍCH, YÊU CẦU

Quán triệt sâu sắc, cụ thể hóa kịp thời Nghị quyết số 57-NQ/TW của Bộ Chính trị phù
hợp với điều kiện của tỉnh; xác định rõ nhiệm vụ, thời hạn và trách nhiệm của từng cơ
quan, đơn vị. Việc triển khai phải thực chất, có sản phẩm cụ thể, tránh hình thức.

II. NHIỆM VỤ CỤ THỂ

1. Trong quý I năm 2025, Ban Tuyên giáo Tỉnh ủy chủ trì tổ chức hội nghị quán triệt
Nghị quyết đến cán bộ chủ chốt của tỉnh; các huyện ủy, thị ủy, thành ủy và đảng ủy
trực thuộc xây dựng chương trình hành động của cấp mình.

2. Văn phòng Tỉnh ủy chủ trì xây dựng kho dữ liệu văn bản của các cơ quan đảng tỉnh,
hoàn thành số hóa nghị quyết, chỉ thị, kết luận của Tỉnh ủy và Ban Thường vụ Tỉnh ủy
từ năm 2001 đến nay; bảo đảm 100% văn bản không có nội dung mật được gửi, nhận trên
môi trường mạng trước ngày 30/9/2025.

3. Gắn chuyển đổi số với cải cách hành chính trong các cơ quan đảng: rút ngắn thời
gian xử lý hồ sơ trình Thường trực Tỉnh ủy, giảm ít nhất 30% văn bản giấy so với năm
2024, tiếp tục thực hiện Kết luận số 89-KL/TU ngày 18-2-2019 của Ban Thường vụ Tỉnh ủy
về công tác văn thư, lưu trữ.

III. TỔ CHỨC THỰC HIỆN

Các cơ quan, đơn vị căn cứ Kế hoạch này xây dựng kế hoạch cụ thể, gửi Văn phòng Tỉnh
ủy trước ngày 28/2/2025. Văn phòng Tỉnh ủy theo dõi, tổng hợp, định kỳ 6 tháng báo cáo
Ban Thường vụ Tỉnh ủy.
""")

CT_18 = _paras("""
Những năm qua, cải cách hành chính trên địa bàn tỉnh đạt được nhiều kết quả; mức độ
hài lòng của người dân đối với sự phục vụ của cơ quan hành chính từng bước được cải
thiện. Tuy nhiên, chuyển đổi số ở nhiều cơ quan còn chậm, dữ liệu chưa được kết nối,
chia sẻ; một bộ phận cán bộ, đảng viên còn ngại thay đổi cách làm việc.

Để thực hiện có hiệu quả Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và
Kế hoạch số 205-KH/TU ngày 16/1/2025 của Tỉnh ủy, Ban Thường vụ Tỉnh ủy yêu cầu các
cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội
thực hiện tốt một số nội dung sau:

1. Người đứng đầu cấp ủy, cơ quan, đơn vị trực tiếp lãnh đạo cải cách hành chính và
chuyển đổi số, coi đây là tiêu chí đánh giá, xếp loại tổ chức đảng và đảng viên hằng
năm.

2. Đẩy mạnh xử lý văn bản, hồ sơ công việc trên môi trường mạng; sử dụng chữ ký số
trong các cơ quan đảng; hạn chế tối đa việc in ấn, sao gửi văn bản giấy. Văn phòng
Tỉnh ủy hoàn thiện quy định về lập hồ sơ và nộp lưu tài liệu điện tử, trình Ban Thường
vụ trong quý II năm 2025.

3. Các cơ quan tham mưu, giúp việc Tỉnh ủy rà soát thủ tục, quy trình nội bộ, cắt giảm
khâu trung gian; công khai thời hạn giải quyết công việc. Ủy ban Kiểm tra Tỉnh ủy đưa
nội dung thực hiện Chỉ thị này vào chương trình kiểm tra, giám sát.

4. Chỉ thị này được phổ biến đến chi bộ. Văn phòng Tỉnh ủy theo dõi, đôn đốc, định kỳ
sơ kết 6 tháng và báo cáo Ban Thường vụ Tỉnh ủy.
""")

QDI_06 = _paras("""
Căn cứ Điều lệ Đảng; căn cứ Thông báo kết luận số 168-TB/TW ngày 10/4/2025 của Ban Bí
thư và Công văn số 2184-CV/VPTW ngày 5/5/2025 của Văn phòng Trung ương Đảng; thực hiện
Chỉ thị số 18-CT/TU ngày 20/2/2025 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Tỉnh ủy quy
định như sau:

Điều 1. Phạm vi và đối tượng áp dụng. Quy định này áp dụng đối với các cơ quan tham
mưu, giúp việc Tỉnh ủy, các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy
trong việc lập hồ sơ, nộp lưu và khai thác tài liệu điện tử.

Điều 2. Lập hồ sơ điện tử. Mỗi văn bản đi, văn bản đến phải được gắn với một hồ sơ
công việc ngay khi xử lý. Thông tin về số, ký hiệu, ngày ban hành, cơ quan ban hành,
trích yếu và độ mật được nhập đầy đủ, chính xác; văn bản được lưu ở định dạng gốc kèm
bản PDF.

Điều 3. Nộp lưu. Chậm nhất 12 tháng sau khi công việc kết thúc, hồ sơ được nộp vào lưu
trữ cơ quan. Hồ sơ có thời hạn bảo quản vĩnh viễn gồm nghị quyết, chỉ thị, kết luận,
quy định và biên bản hội nghị của cấp ủy.

Điều 4. Khai thác và bảo mật. Tài liệu mật chỉ được lưu trên mạng nội bộ độc lập; cán
bộ được phân quyền theo chức trách mới được xem, tải tài liệu và mọi thao tác đều được
ghi nhật ký. Việc tiêu hủy tài liệu hết giá trị phải có quyết định của cấp có thẩm
quyền và biên bản lưu lại.

Điều 5. Tổ chức thực hiện. Quy định này có hiệu lực kể từ ngày ký. Văn phòng Tỉnh ủy
hướng dẫn, kiểm tra việc thực hiện và báo cáo Ban Thường vụ Tỉnh ủy.
""")

BC_412 = _paras("""
I. KẾT QUẢ THỰC HIỆN

Sau 6 tháng triển khai Chỉ thị số 18-CT/TU ngày 20/2/2025 và Kế hoạch số 205-KH/TU
ngày 16/1/2025, các cấp ủy đã quán triệt đến 100% chi bộ. Tỉ lệ văn bản đi của các cơ
quan đảng tỉnh được ký số và gửi trên môi trường mạng đạt 87%; thời gian trung bình xử
lý một hồ sơ trình Thường trực Tỉnh ủy giảm từ 9 ngày xuống còn 5 ngày.

Ban Thường vụ Tỉnh ủy đã ban hành Quy định số 06-QĐi/TU ngày 8/5/2025 về lập hồ sơ,
nộp lưu và khai thác tài liệu điện tử. Văn phòng Tỉnh ủy hoàn thành số hóa 1.240 nghị
quyết, chỉ thị, kết luận của Tỉnh ủy giai đoạn 2001–2024; các văn bản đánh máy bằng
phông chữ TCVN3 đã được chuyển sang Unicode và kiểm tra lại.

II. HẠN CHẾ, NGUYÊN NHÂN

Việc lập hồ sơ điện tử ở một số đảng ủy trực thuộc còn chậm; chất lượng nhận dạng chữ
ở tài liệu cũ chưa cao, nhất là các trang tiêu đề viết hoa. Hạ tầng mạng nội bộ dành
cho tài liệu mật chưa đáp ứng yêu cầu tại 3 huyện miền núi. Nguyên nhân chủ yếu là kinh
phí còn hạn chế và đội ngũ làm công tác lưu trữ thiếu kỹ năng số.

III. NHIỆM VỤ 6 THÁNG CUỐI NĂM

Hoàn thành kết nối kho dữ liệu văn bản với Văn phòng Trung ương Đảng theo Công văn số
2184-CV/VPTW ngày 5/5/2025; tập huấn kỹ năng chuyển đổi số cho cán bộ văn phòng cấp
huyện; bố trí kinh phí nâng cấp mạng nội bộ độc lập trước ngày 31/12/2025.
""")

BC_412_EN = _paras("""
I. RESULTS

Six months after the launch of Directive No. 18-CT/TU dated 20/2/2025 and Plan No.
205-KH/TU dated 16/1/2025, Party committees have briefed every Party cell on them. Of
the outgoing documents of provincial Party agencies, 87% were digitally signed and sent
over the network; the average time to process a file submitted to the Standing Board of
the Provincial Party Committee fell from 9 days to 5 days.

The Provincial Party Standing Committee issued Regulation No. 06-QĐi/TU dated 8/5/2025
on creating, archiving and using electronic records. The Provincial Party Committee
Office has digitised 1,240 resolutions, directives and conclusions of the Provincial
Party Committee from 2001 to 2024; documents typed in TCVN3 fonts were converted to
Unicode and checked again.

II. SHORTCOMINGS AND CAUSES

Electronic filing remains slow in some affiliated Party committees; text recognition of
old documents is still poor, especially on capitalised title pages. The isolated
internal network for classified records does not yet meet requirements in 3 mountain
districts. The main causes are limited funding and a shortage of digital skills among
archive staff.

III. TASKS FOR THE SECOND HALF OF THE YEAR

Complete the connection of the document repository with the Central Party Office under
Official Dispatch No. 2184-CV/VPTW dated 5/5/2025; train district-level office staff
in digital transformation skills; allocate funds to upgrade the isolated internal
network before 31/12/2025.
""")

TB_527 = _paras("""
Tại hội nghị ngày 8/8/2025, sau khi nghe Văn phòng Tỉnh ủy trình bày Báo cáo số
412-BC/TU ngày 31/7/2025 sơ kết 6 tháng thực hiện Chỉ thị số 18-CT/TU và ý kiến của các
đồng chí dự họp, Ban Thường vụ Tỉnh ủy kết luận như sau:

1. Đánh giá cao sự vào cuộc của các cấp ủy, cơ quan, đơn vị trong cải cách hành chính
và chuyển đổi số; ghi nhận Văn phòng Tỉnh ủy đã hoàn thành sớm việc số hóa văn bản của
Tỉnh ủy giai đoạn 2001–2024.

2. Yêu cầu các đảng ủy trực thuộc còn chậm lập hồ sơ điện tử khẩn trương khắc phục,
hoàn thành trước ngày 30/9/2025; người đứng đầu chịu trách nhiệm trước Ban Thường vụ
Tỉnh ủy nếu để chậm trễ kéo dài.

3. Giao Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo việc cân đối, bố trí kinh phí nâng cấp
mạng nội bộ độc lập phục vụ quản lý tài liệu mật tại các huyện miền núi; Văn phòng
Tỉnh ủy phối hợp với Sở Khoa học và Công nghệ tổ chức tập huấn cho cán bộ làm công tác
văn thư, lưu trữ.

4. Các cơ quan tiếp tục thực hiện nghiêm Quy định số 06-QĐi/TU ngày 8/5/2025, nhất là
việc ghi nhật ký truy cập tài liệu mật. Văn phòng Tỉnh ủy theo dõi, đôn đốc và tham
mưu Ban Thường vụ Tỉnh ủy tổng kết việc thực hiện Chỉ thị vào cuối năm 2025.
""")

CV_1537 = _paras("""
Kính gửi: Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy

Thực hiện Thông báo kết luận số 527-TB/TU ngày 12/8/2025 của Ban Thường vụ Tỉnh ủy, để
chuẩn bị tổng kết việc thực hiện Chỉ thị số 18-CT/TU ngày 20/2/2025 về cải cách hành
chính và chuyển đổi số, Văn phòng Tỉnh ủy đề nghị các đơn vị thực hiện một số nội dung
sau:

1. Xây dựng báo cáo tổng kết theo đề cương gửi kèm; số liệu tính đến ngày 15/11/2025,
trong đó nêu rõ tỉ lệ văn bản được ký số, số hồ sơ điện tử đã nộp lưu và số lượt khai
thác tài liệu.

2. Thống kê các nghị quyết, chỉ thị, kết luận của cấp ủy mình đã được số hóa, ghi đầy
đủ số, ký hiệu, ngày ban hành và thời hạn bảo quản; đối chiếu với danh mục hồ sơ theo
Quy định số 06-QĐi/TU ngày 8/5/2025.

3. Nêu những khó khăn, vướng mắc và kiến nghị cụ thể về kinh phí, nhân lực, hạ tầng
mạng nội bộ.

Báo cáo gửi về Văn phòng Tỉnh ủy bằng văn bản điện tử có chữ ký số trước ngày
20/11/2025. Văn phòng Tỉnh ủy đề nghị các đơn vị quan tâm, phối hợp thực hiện.
""")

KL_89 = _paras("""
Tại hội nghị ngày 12-2-2019, Ban Thường vụ Tỉnh ủy đã nghe Văn phòng Tỉnh ủy báo cáo
tình hình công tác văn thư, lưu trữ giai đoạn 2014–2018. Ban Thường vụ Tỉnh ủy kết
luận:

1. Công tác văn thư, lưu trữ của các cơ quan đảng tỉnh đã có nhiều tiến bộ; việc quản
lý văn bản đi, đến cơ bản chặt chẽ, phục vụ kịp thời sự lãnh đạo, chỉ đạo của cấp ủy.
Tuy nhiên, nhiều đơn vị chưa lập hồ sơ công việc; tài liệu tích đống, chưa được chỉnh
lý còn nhiều; kho lưu trữ ở một số huyện ủy xuống cấp, không bảo đảm an toàn cho tài
liệu.

2. Trong giai đoạn 2019–2023, các cấp ủy cần chỉ đạo chỉnh lý dứt điểm tài liệu tích
đống; thực hiện đúng thời hạn bảo quản theo Hướng dẫn số 35-HD/VPTW năm 2010 của Văn
phòng Trung ương Đảng; nghị quyết, chỉ thị, kết luận của cấp ủy phải được bảo quản
vĩnh viễn.

3. Từng bước ứng dụng công nghệ thông tin trong quản lý văn bản; nghiên cứu chuyển các
văn bản soạn thảo bằng phông chữ TCVN3 sang bảng mã Unicode để thuận tiện tra cứu,
khai thác. Việc thực hiện cải cách hành chính trong Đảng phải gắn với nâng cao chất
lượng công tác văn phòng cấp ủy.

4. Giao Văn phòng Tỉnh ủy hướng dẫn, kiểm tra việc thực hiện Kết luận này; hằng năm
báo cáo Ban Thường vụ Tỉnh ủy.
""")

SAMPLE_SPECS: tuple[tuple[str, str, dict[str, Any], dict[str, Any]], ...] = (
    (
        "nghi-quyet-57-NQ-TW.docx",
        "docx",
        {
            "issuer": _TW,
            "number": "Số 57-NQ/TW",
            "place_date": "Hà Nội, ngày 22 tháng 12 năm 2024",
            "type_word": "NGHỊ QUYẾT",
            "of_body": "CỦA BỘ CHÍNH TRỊ",
            "summary": "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
            "body": NQ_57,
            "signature": ("T/M BỘ CHÍNH TRỊ", "TỔNG BÍ THƯ", "Nguyễn Minh Khôi"),
            "recipients": (
                "- Các tỉnh ủy, thành ủy,",
                "- Các ban đảng, đảng ủy trực thuộc Trung ương,",
                "- Các đảng ủy đơn vị sự nghiệp Trung ương,",
                _LUU_VPTW,
            ),
            "title": "Nghị quyết số 57-NQ/TW của Bộ Chính trị",
        },
        {},
    ),
    (
        "ket-luan-133-KL-TW.pdf",
        "pdf",
        {
            "issuer": _TW,
            "number": "Số 133-KL/TW",
            "place_date": "Hà Nội, ngày 14 tháng 3 năm 2025",
            "type_word": "KẾT LUẬN",
            "of_body": "CỦA BỘ CHÍNH TRỊ",
            "summary": "về đẩy mạnh cải cách hành chính và công tác văn thư, lưu trữ trong các cơ quan của Đảng",
            "body": KL_133,
            "signature": ("T/M BỘ CHÍNH TRỊ", "Trần Đình Nghĩa"),
            "recipients": (
                "- Các tỉnh ủy, thành ủy,",
                "- Các ban đảng, đảng ủy trực thuộc Trung ương,",
                _LUU_VPTW,
            ),
            "title": "Kết luận số 133-KL/TW của Bộ Chính trị",
        },
        {},
    ),
    (
        "thong-bao-ket-luan-168-TB-TW.html",
        "html",
        {
            "issuer": _TW,
            "number": "Số 168-TB/TW",
            "place_date": "Hà Nội, ngày 10 tháng 4 năm 2025",
            "type_word": "THÔNG BÁO",
            "of_body": "KẾT LUẬN CỦA BAN BÍ THƯ",
            "summary": "về công tác văn thư, lưu trữ và chuyển đổi số trong các cơ quan đảng",
            "body": TB_168,
            "signature": ("T/L BAN BÍ THƯ", "CHÁNH VĂN PHÒNG", "Đỗ Minh Khang"),
            "recipients": (
                "- Các tỉnh ủy, thành ủy,",
                "- Các ban đảng, đảng ủy trực thuộc Trung ương,",
                _LUU_VPTW,
            ),
            "title": "Thông báo kết luận số 168-TB/TW của Ban Bí thư",
        },
        {},
    ),
    (
        "cong-van-2184-CV-VPTW.txt",
        "text",
        {
            "superior": "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG",
            "issuer": "VĂN PHÒNG",
            "number": "Số 2184-CV/VPTW",
            "place_date": "Hà Nội, ngày 5 tháng 5 năm 2025",
            "summary": "V/v hướng dẫn số hóa và nộp lưu tài liệu của các cấp ủy",
            "urgency": "KHẨN",
            "body": CV_2184,
            "signature": ("K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Vũ Thị Lan Anh"),
            "recipients": (
                "- Như trên,",
                "- Đồng chí Chánh Văn phòng (để b/c),",
                "- Lưu VT, bộ phận lưu trữ.",
            ),
        },
        {"encoding": "utf-8"},
    ),
    (
        "ke-hoach-205-KH-TU.docx",
        "docx",
        {
            "issuer": _TU,
            "number": "Số 205-KH/TU",
            "place_date": "Quảng Trị, ngày 16 tháng 1 năm 2025",
            "type_word": "KẾ HOẠCH",
            "summary": "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị "
            "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển "
            "đổi số quốc gia",
            "body": KH_205,
            "signature": ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Lê Thị Thu Hà"),
            "recipients": (
                "- Ban Bí thư Trung ương Đảng (để b/c),",
                "- Văn phòng Trung ương Đảng,",
                "- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,",
                _LUU_VPTU,
            ),
            "title": "Kế hoạch số 205-KH/TU thực hiện Nghị quyết 57-NQ/TW",
        },
        {},
    ),
    (
        "chi-thi-18-CT-TU.docx",
        "docx",
        {
            "superior": "ĐẢNG BỘ TỈNH QUẢNG TRỊ",
            "issuer": _TU,
            "number": "Số 18-CT/TU",
            "place_date": "Quảng Trị, ngày 20 tháng 2 năm 2025",
            "type_word": "CHỈ THỊ",
            "summary": "về tăng cường sự lãnh đạo của Đảng đối với cải cách hành chính "
            "và chuyển đổi số trong hệ thống chính trị tỉnh",
            "body": CT_18,
            "signature": ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Văn Sơn"),
            "recipients": (
                "- Văn phòng Trung ương Đảng,",
                "- Các đồng chí Tỉnh ủy viên,",
                "- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,",
                _LUU_VPTU,
            ),
        },
        {},
    ),
    (
        "quy-dinh-06-QDi-TU.pdf",
        "pdf",
        {
            "issuer": _TU,
            "number": "Số 06-QĐi/TU",
            "place_date": "Quảng Trị, ngày 8 tháng 5 năm 2025",
            "type_word": "QUY ĐỊNH",
            "summary": "về lập hồ sơ, nộp lưu và khai thác tài liệu điện tử tại các cơ quan đảng tỉnh",
            "body": QDI_06,
            "signature": ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Văn Sơn"),
            "recipients": (
                "- Văn phòng Trung ương Đảng,",
                "- Các cơ quan tham mưu, giúp việc Tỉnh ủy,",
                "- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,",
                _LUU_VPTU,
            ),
            "title": "Quy định số 06-QĐi/TU về tài liệu điện tử",
        },
        {},
    ),
    (
        "bao-cao-412-BC-TU.docx",
        "docx",
        {
            "issuer": _TU,
            "number": "Số 412-BC/TU",
            "place_date": "Quảng Trị, ngày 31 tháng 7 năm 2025",
            "type_word": "BÁO CÁO",
            "summary": "sơ kết 6 tháng thực hiện Chỉ thị số 18-CT/TU của Ban Thường vụ "
            "Tỉnh ủy về cải cách hành chính và chuyển đổi số",
            "secrecy": "MẬT",
            "body": BC_412,
            "signature": ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Lê Thị Thu Hà"),
            "recipients": (
                "- Ban Bí thư Trung ương Đảng (để b/c),",
                "- Văn phòng Trung ương Đảng,",
                "- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy,",
                _LUU_VPTU,
            ),
            "title": "Báo cáo số 412-BC/TU sơ kết 6 tháng thực hiện Chỉ thị 18-CT/TU",
        },
        {},
    ),
    (
        "report-412-BC-TU-en.pdf",
        "pdf",
        {
            "issuer": "QUANG TRI PROVINCIAL PARTY COMMITTEE",
            "number": "No. 412-BC/TU",
            "place_date": "Quang Tri, July 31, 2025",
            "party_line": "COMMUNIST PARTY OF VIETNAM",
            "type_word": "REPORT",
            "summary": "Six-month review of the implementation of Directive No. "
            "18-CT/TU of the Provincial Party Standing Committee on administrative "
            "reform and digital transformation",
            "secrecy": "CONFIDENTIAL",
            "body": BC_412_EN,
            "signature": (
                "ON BEHALF OF THE STANDING COMMITTEE",
                "STANDING DEPUTY SECRETARY",
                "Le Thi Thu Ha",
            ),
            "recipients": (
                "- Secretariat of the Party Central Committee (for reporting),",
                "- Central Party Office,",
                "- Members of the Provincial Party Standing Committee,",
                "- Filed at the Provincial Party Committee Office.",
            ),
            "language": "en",
            "title": "Report No. 412-BC/TU (English translation)",
        },
        {},
    ),
    (
        "thong-bao-ket-luan-527-TB-TU.html",
        "html",
        {
            "issuer": _TU,
            "number": "Số 527-TB/TU",
            "place_date": "Quảng Trị, ngày 12 tháng 8 năm 2025",
            "type_word": "THÔNG BÁO",
            "of_body": "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY",
            "summary": "về kết quả sơ kết 6 tháng thực hiện Chỉ thị số 18-CT/TU",
            "body": TB_527,
            "signature": ("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Phan Quốc Bảo"),
            "recipients": (
                "- Văn phòng Trung ương Đảng,",
                "- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy,",
                "- Các cơ quan, đơn vị liên quan,",
                _LUU_VPTU,
            ),
        },
        {},
    ),
    (
        "cong-van-1537-CV-VPTU.txt",
        "text",
        {
            "superior": _TU,
            "issuer": "VĂN PHÒNG",
            "number": "Số 1537-CV/VPTU",
            "place_date": "Quảng Trị, ngày 25 tháng 8 năm 2025",
            "summary": "V/v chuẩn bị tài liệu phục vụ tổng kết Chỉ thị số 18-CT/TU",
            "body": CV_1537,
            "signature": ("CHÁNH VĂN PHÒNG", "Phan Quốc Bảo"),
            "recipients": ("- Như trên,", "- Thường trực Tỉnh ủy (để b/c),", "- Lưu VT."),
        },
        {"encoding": "cp1258"},
    ),
    (
        "ket-luan-89-KL-TU.txt",
        "text",
        {
            "superior": "ĐẢNG BỘ TỈNH QUẢNG TRỊ",
            "issuer": _TU,
            "number": "Số 89-KL/TU",
            "place_date": "Quảng Trị, ngày 18 tháng 2 năm 2019",
            "type_word": "KẾT LUẬN",
            "of_body": "CỦA BAN THƯỜNG VỤ TỈNH ỦY",
            "summary": "về tăng cường công tác văn thư, lưu trữ trong các cơ quan đảng tỉnh giai đoạn 2019–2023",
            "body": KL_89,
            "signature": ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Đức Thắng"),
            "recipients": (
                "- Văn phòng Trung ương Đảng,",
                "- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,",
                _LUU_VPTU,
            ),
        },
        {"encoding": "utf-16"},
    ),
)
