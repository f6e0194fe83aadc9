"""The 34 provincial units in force since 01/07/2025 and the provinces each absorbed (DOMAIN.md §8.1).

Each row: (name, kind, centre, [former provinces merged into it, itself included when it kept
its name]). Source: Nghị quyết 60-NQ/TW (12/4/2025), Nghị quyết 202/2025/QH15.
"""

P, C = "province", "city"

PROVINCES = [
    ("Hà Nội", C, "Hà Nội", ["Hà Nội"]),
    ("Huế", C, "Huế", ["Thừa Thiên Huế"]),
    ("Lai Châu", P, "Lai Châu", ["Lai Châu"]),
    ("Điện Biên", P, "Điện Biên Phủ", ["Điện Biên"]),
    ("Sơn La", P, "Sơn La", ["Sơn La"]),
    ("Lạng Sơn", P, "Lạng Sơn", ["Lạng Sơn"]),
    ("Quảng Ninh", P, "Hạ Long", ["Quảng Ninh"]),
    ("Thanh Hóa", P, "Thanh Hóa", ["Thanh Hóa"]),
    ("Nghệ An", P, "Vinh", ["Nghệ An"]),
    ("Hà Tĩnh", P, "Hà Tĩnh", ["Hà Tĩnh"]),
    ("Cao Bằng", P, "Cao Bằng", ["Cao Bằng"]),
    ("Tuyên Quang", P, "Tuyên Quang", ["Tuyên Quang", "Hà Giang"]),
    ("Lào Cai", P, "Yên Bái", ["Lào Cai", "Yên Bái"]),
    ("Thái Nguyên", P, "Thái Nguyên", ["Thái Nguyên", "Bắc Kạn"]),
    ("Phú Thọ", P, "Việt Trì", ["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"]),
    ("Bắc Ninh", P, "Bắc Giang", ["Bắc Ninh", "Bắc Giang"]),
    ("Hưng Yên", P, "Hưng Yên", ["Hưng Yên", "Thái Bình"]),
    ("Hải Phòng", C, "Hải Phòng", ["Hải Phòng", "Hải Dương"]),
    ("Ninh Bình", P, "Ninh Bình", ["Ninh Bình", "Hà Nam", "Nam Định"]),
    ("Quảng Trị", P, "Đồng Hới", ["Quảng Trị", "Quảng Bình"]),
    ("Đà Nẵng", C, "Đà Nẵng", ["Đà Nẵng", "Quảng Nam"]),
    ("Quảng Ngãi", P, "Quảng Ngãi", ["Quảng Ngãi", "Kon Tum"]),
    ("Gia Lai", P, "Quy Nhơn", ["Gia Lai", "Bình Định"]),
    ("Khánh Hòa", P, "Nha Trang", ["Khánh Hòa", "Ninh Thuận"]),
    ("Lâm Đồng", P, "Đà Lạt", ["Lâm Đồng", "Đắk Nông", "Bình Thuận"]),
    ("Đắk Lắk", P, "Buôn Ma Thuột", ["Đắk Lắk", "Phú Yên"]),
    ("Hồ Chí Minh", C, "Hồ Chí Minh", ["Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"]),
    ("Đồng Nai", P, "Biên Hòa", ["Đồng Nai", "Bình Phước"]),
    ("Tây Ninh", P, "Tân An", ["Tây Ninh", "Long An"]),
    ("Cần Thơ", C, "Cần Thơ", ["Cần Thơ", "Sóc Trăng", "Hậu Giang"]),
    ("Vĩnh Long", P, "Vĩnh Long", ["Vĩnh Long", "Bến Tre", "Trà Vinh"]),
    ("Đồng Tháp", P, "Mỹ Tho", ["Đồng Tháp", "Tiền Giang"]),
    ("Cà Mau", P, "Cà Mau", ["Cà Mau", "Bạc Liêu"]),
    ("An Giang", P, "Rạch Giá", ["An Giang", "Kiên Giang"]),
]
