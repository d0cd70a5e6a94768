"""Demo content for Desa Wisata: the words for the home page, three villages, their tours,
the standard pages and two partners.

Plain data only, so it can be loaded by a management command or read by tests. Every
translatable text is a ``T`` dict with Indonesian (``id``, the main language) and English
(``en``). Rich text values are small HTML fragments that Wagtail's rich text accepts.

Prices, times, capacities, enterprise details and partner names are invented demo values
(phone numbers, registration and NPWP numbers are obviously fake) and are meant to be edited
by staff. Descriptions of the real villages stay general on purpose: no invented history,
distances or names of people.
"""

T = dict[str, str]

EVERY_DAY = [0, 1, 2, 3, 4, 5, 6]
WEEKDAYS = [0, 1, 2, 3, 4]
WEEKEND = [5, 6]
TUESDAY_TO_SUNDAY = [1, 2, 3, 4, 5, 6]

STANDARD_CANCELLATION = {"full_refund_hours": 48, "half_refund_hours": 24}


HOME: dict = {
    "title": {"id": "Desa Wisata Wonosobo", "en": "Wonosobo Village Tourism"},
    "hero_title": {
        "id": "Wisata desa, dikelola warga desa sendiri",
        "en": "Village tourism, run by the villages themselves",
    },
    "hero_text": {
        "id": (
            "Ziarah budaya, belajar membatik, bertani, dan memasak Tempe Kemul bersama warga "
            "tiga desa di Wonosobo. Pesan langsung ke BUMDes desanya."
        ),
        "en": (
            "Heritage walks, batik, farm days and Tempe Kemul cooking with the people of three "
            "Wonosobo villages. Book direct with each village's own enterprise."
        ),
    },
    "intro": {
        "id": (
            "<p>Setiap pengalaman di sini dikelola oleh <strong>BUMDes</strong> (Badan Usaha "
            "Milik Desa) dari desa yang Anda kunjungi. Banyak warga Wonosobo merantau bekerja ke "
            "luar negeri. Kunjungan Anda membantu purna pekerja migran dan keluarganya "
            "mendapat penghasilan di kampung halaman sendiri.</p>"
        ),
        "en": (
            "<p>Every experience here is run by the <strong>BUMDes</strong> (the village-owned "
            "enterprise) of the village you visit. Many people from Wonosobo go abroad to work. "
            "Your visit helps returned migrant workers and their families earn a living back "
            "home.</p>"
        ),
    },
    "steps": [
        {
            "title": {"id": "Pilih pengalaman dan tanggal", "en": "Pick an experience and a date"},
            "text": {
                "id": "Lihat jadwal yang masih tersedia dan harga per orang.",
                "en": "See which dates are open and the price per person.",
            },
        },
        {
            "title": {"id": "Pesan dalam beberapa menit", "en": "Book in a few minutes"},
            "text": {
                "id": (
                    "Isi jumlah peserta dan kontak Anda. Untuk saat ini, pembayaran tunai di "
                    "lokasi."
                ),
                "en": "Tell us who's coming and how to reach you. For now, pay cash on arrival.",
            },
        },
        {
            "title": {"id": "Datang dan tunjukkan tiket", "en": "Show your ticket on arrival"},
            "text": {
                "id": "Tunjukkan kode QR di ponsel Anda kepada petugas desa, lalu nikmati harinya.",
                "en": "Show the QR code on your phone to your village host, then enjoy the day.",
            },
        },
    ],
    "partners_text": {
        "id": (
            "Hotel atau biro perjalanan? Jadilah mitra kami dan dapatkan komisi untuk setiap "
            "tamu yang Anda kirim."
        ),
        "en": "Hotel or travel agent? Partner with us and earn commission on every guest you send.",
    },
}


SITE: dict = {
    "email": "halo@desawisata.example",
    "phone": "+62 286 000 0000",
    "whatsapp": "6281200000000",
    "address": {
        "id": "Kabupaten Wonosobo, Jawa Tengah, Indonesia",
        "en": "Wonosobo Regency, Central Java, Indonesia",
    },
    "instagram": "https://instagram.com/desawisata.example",
    "facebook": "https://facebook.com/desawisata.example",
    "youtube": "https://youtube.com/@desawisata.example",
}


# Shared texts -------------------------------------------------------------------------------

_PAY_CASH: T = {
    "id": "Uang tunai untuk pembayaran di lokasi",
    "en": "Cash to pay on arrival",
}
_RAIN_GEAR: T = {"id": "Payung atau jas hujan", "en": "An umbrella or a rain jacket"}


def _getting_there(village: str) -> T:
    """Directions kept general on purpose: the village sends the exact map pin on WhatsApp."""
    return {
        "id": (
            f"<p>{village} berada di Kabupaten Wonosobo, dan bisa dicapai dengan mobil, sepeda "
            "motor, atau ojek dari kota Wonosobo.</p>"
            "<p>Jalan desa tidak selalu mudah ditemukan. Sebelum berangkat, kirim pesan "
            "WhatsApp kepada kami: kami kirimkan titik lokasi di peta dan petunjuk jalan "
            "terbaru.</p>"
        ),
        "en": (
            f"<p>{village} is in Wonosobo regency and easy to reach by car, motorbike or ojek "
            "(motorbike taxi) from Wonosobo town.</p>"
            "<p>Village roads aren't always well signposted. Before you set off, send us a "
            "WhatsApp message and we'll share the map pin and up-to-date directions.</p>"
        ),
    }


# Plobangan ----------------------------------------------------------------------------------

_PLOBANGAN_HERITAGE_WALK: dict = {
    "slug": "jalan-pusaka-ki-ageng-wonosobo",
    "unit": "wisata",
    "category": "culture",
    "title": {
        "id": "Jalan Pusaka ke Makam Ki Ageng Wonosobo",
        "en": "Heritage Walk to the Tomb of Ki Ageng Wonosobo",
    },
    "intro": {
        "id": "Berjalan bersama pencerita desa ke makam tokoh pendiri Kabupaten Wonosobo.",
        "en": "Walk with a village storyteller to the tomb of the founder of Wonosobo.",
    },
    "story": {
        "id": (
            "<p>Selama sekitar dua jam, pencerita dari desa mengajak Anda berjalan kaki "
            "menyusuri Plobangan menuju makam Ki Ageng Wonosobo, tokoh yang dihormati sebagai "
            "pendiri Kabupaten Wonosobo.</p>"
            "<p>Sepanjang jalan, Anda mendengar kisah Ki Ageng Wonosobo menurut penuturan "
            "warga, dan melihat dari dekat kehidupan desa hari ini.</p>"
            "<p>Makam ini adalah tempat ziarah. Mohon berpakaian sopan, menjaga suara, dan "
            "mengikuti arahan pemandu selama berada di area makam.</p>"
        ),
        "en": (
            "<p>For about two hours, a storyteller from the village walks with you through "
            "Plobangan to the tomb of Ki Ageng Wonosobo, honoured as the founder of Wonosobo "
            "regency.</p>"
            "<p>On the way you hear his story as the villagers tell it, and get a close look at "
            "village life today.</p>"
            "<p>The tomb is a place of pilgrimage. Please dress modestly, keep your voice low "
            "and follow your guide's lead at the grave site.</p>"
        ),
    },
    "image": "plobangan-heritage-walk",
    "image_alt": {
        "id": "Pemandu dan tamu berjalan di jalan desa Plobangan menuju makam",
        "en": "A guide and visitors walking along a Plobangan village lane towards the tomb",
    },
    "gallery": [
        {
            "image": "plobangan-hero",
            "caption": {"id": "Desa Plobangan, Wonosobo", "en": "Plobangan village, Wonosobo"},
        },
        {
            "image": "gallery-sunrise",
            "caption": {
                "id": "Pagi di perbukitan Wonosobo, waktu terbaik untuk berjalan",
                "en": "Morning over the Wonosobo hills, the best time to walk",
            },
        },
    ],
    "duration_minutes": 120,
    "min_participants": 1,
    "max_participants": 20,
    "meeting_point": {
        "id": "Balai Desa Plobangan. Titik lokasi kami kirim lewat WhatsApp.",
        "en": "Plobangan village hall. We'll send you the map pin on WhatsApp.",
    },
    "included": {
        "id": (
            "<ul><li>Pemandu dan pencerita dari desa</li>"
            "<li>Air mineral</li>"
            "<li>Pinjaman sarung bagi yang membutuhkan</li></ul>"
        ),
        "en": (
            "<ul><li>A local guide and storyteller</li>"
            "<li>Bottled water</li>"
            "<li>A sarong to borrow if you need one</li></ul>"
        ),
    },
    "what_to_bring": {
        "id": (
            "<ul><li>Pakaian sopan yang menutup bahu dan lutut</li>"
            "<li>Alas kaki yang nyaman untuk berjalan</li>"
            f"<li>{_RAIN_GEAR['id']}</li>"
            f"<li>{_PAY_CASH['id']}</li></ul>"
        ),
        "en": (
            "<ul><li>Modest clothes that cover shoulders and knees</li>"
            "<li>Comfortable walking shoes</li>"
            f"<li>{_RAIN_GEAR['en']}</li>"
            f"<li>{_PAY_CASH['en']}</li></ul>"
        ),
    },
    "accessibility": {
        "id": (
            "Jalan kaki sekitar dua jam di jalan desa dan jalan setapak yang tidak rata, bisa "
            "ada tanjakan dan anak tangga. Kurang cocok untuk kursi roda. Tanyakan lewat "
            "WhatsApp bila Anda butuh bantuan."
        ),
        "en": (
            "About two hours on foot along village roads and uneven footpaths, with some slopes "
            "and steps. Not suitable for wheelchairs. Message us on WhatsApp if you need help."
        ),
    },
    "price_tiers": [
        {
            "label": {
                "id": "Dewasa, WNI atau pemegang KITAS",
                "en": "Adult, Indonesian citizen or KITAS holder",
            },
            "price": 50000,
            "requires_id": True,
            "min": None,
            "max": None,
        },
        {
            "label": {"id": "Dewasa, wisatawan mancanegara", "en": "Adult, foreign visitor"},
            "price": 150000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
        {
            "label": {
                "id": "Anak 4-12 tahun, WNI atau KITAS",
                "en": "Child aged 4 to 12, Indonesian or KITAS",
            },
            "price": 25000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
        {
            "label": {
                "id": "Anak 4-12 tahun, wisatawan mancanegara",
                "en": "Child aged 4 to 12, foreign visitor",
            },
            "price": 75000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
    ],
    "schedule": [
        {"weekdays": TUESDAY_TO_SUNDAY, "start": "08:00", "capacity": 20},
        {"weekdays": WEEKEND, "start": "15:00", "capacity": 20},
    ],
    "cancellation": STANDARD_CANCELLATION,
}

_PLOBANGAN_CULTURE_EVENING: dict = {
    "slug": "malam-budaya-plobangan",
    "unit": "wisata",
    "category": "culture",
    "title": {"id": "Malam Budaya Plobangan", "en": "Plobangan Culture Evening"},
    "intro": {
        "id": "Pertunjukan kesenian tradisional dan makan malam masakan desa bersama warga.",
        "en": "A traditional performance and a home-cooked village dinner with your hosts.",
    },
    "story": {
        "id": (
            "<p>Menjelang malam, warga Plobangan menyambut Anda dengan pertunjukan kesenian "
            "tradisional Wonosobo yang dibawakan oleh kelompok seni desa.</p>"
            "<p>Setelah pertunjukan, duduk bersama tuan rumah dan nikmati makan malam masakan "
            "rumahan. Masih ada waktu untuk bertanya, mengobrol, dan berfoto.</p>"
            "<p>Menu menyesuaikan bahan yang ada di desa hari itu. Beri tahu kami sebelumnya "
            "bila Anda vegetarian atau punya alergi makanan.</p>"
        ),
        "en": (
            "<p>As evening falls, the people of Plobangan welcome you with a traditional "
            "Wonosobo performance by the village arts group.</p>"
            "<p>Afterwards, sit down with your hosts to a home-cooked dinner, with time to ask "
            "questions, chat and take photos.</p>"
            "<p>The menu depends on what the village has that day. Let us know in advance if "
            "you're vegetarian or have a food allergy.</p>"
        ),
    },
    "image": "plobangan-culture-night",
    "image_alt": {
        "id": "Penampil kesenian tradisional di panggung desa pada malam hari",
        "en": "Traditional performers on a village stage at night",
    },
    "gallery": [
        {
            "image": "gallery-market",
            "caption": {
                "id": "Bahan segar untuk makan malam bersama",
                "en": "Fresh ingredients for the shared dinner",
            },
        },
        {
            "image": "plobangan-hero",
            "caption": {"id": "Desa Plobangan, Wonosobo", "en": "Plobangan village, Wonosobo"},
        },
    ],
    "duration_minutes": 150,
    "min_participants": 1,
    "max_participants": 30,
    "meeting_point": {
        "id": "Balai Desa Plobangan. Titik lokasi kami kirim lewat WhatsApp.",
        "en": "Plobangan village hall. We'll send you the map pin on WhatsApp.",
    },
    "included": {
        "id": (
            "<ul><li>Pertunjukan kesenian tradisional</li>"
            "<li>Makan malam masakan rumahan</li>"
            "<li>Teh atau kopi</li></ul>"
        ),
        "en": (
            "<ul><li>A traditional performance</li>"
            "<li>A home-cooked dinner</li>"
            "<li>Tea or coffee</li></ul>"
        ),
    },
    "what_to_bring": {
        "id": (
            "<ul><li>Jaket, karena malam di Wonosobo terasa dingin</li>"
            "<li>Senter atau lampu ponsel untuk jalan pulang</li>"
            f"<li>{_PAY_CASH['id']}</li></ul>"
        ),
        "en": (
            "<ul><li>A warm jacket: Wonosobo evenings are cool</li>"
            "<li>A torch or phone light for the way back</li>"
            f"<li>{_PAY_CASH['en']}</li></ul>"
        ),
    },
    "accessibility": {
        "id": (
            "Acara berlangsung di satu tempat; sebagian tempat duduk lesehan di atas tikar. "
            "Jalan dari tempat parkir mungkin tidak rata dan kurang terang."
        ),
        "en": (
            "Everything happens in one place; some seating is on mats on the floor. The path "
            "from the parking area may be uneven and poorly lit."
        ),
    },
    "price_tiers": [
        {
            "label": {
                "id": "Dewasa, WNI atau pemegang KITAS",
                "en": "Adult, Indonesian citizen or KITAS holder",
            },
            "price": 80000,
            "requires_id": True,
            "min": None,
            "max": None,
        },
        {
            "label": {"id": "Dewasa, wisatawan mancanegara", "en": "Adult, foreign visitor"},
            "price": 200000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
        {
            "label": {
                "id": "Anak 4-12 tahun, WNI atau KITAS",
                "en": "Child aged 4 to 12, Indonesian or KITAS",
            },
            "price": 40000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
        {
            "label": {
                "id": "Anak 4-12 tahun, wisatawan mancanegara",
                "en": "Child aged 4 to 12, foreign visitor",
            },
            "price": 100000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
    ],
    "schedule": [
        {"weekdays": [5], "start": "18:30", "capacity": 40},
    ],
    "cancellation": STANDARD_CANCELLATION,
}

PLOBANGAN: dict = {
    "slug": "plobangan",
    "ref_prefix": "PLB",
    "enterprise": {
        "name": "BUMDes Plobangan Lestari",
        "legal_name": "Badan Usaha Milik Desa Plobangan Lestari",
        "village": "Plobangan",
        "registration_number": "DEMO-REG-PLB-001",
        "npwp": "00.000.000.0-000.000",
        "email": "plobangan@desawisata.example",
        "phone": "+62 812-0000-0101",
        "whatsapp": "6281200000101",
        "address": "Desa Plobangan, Kabupaten Wonosobo, Jawa Tengah",
        "bank_name": "Bank Jateng",
        "bank_account_number": "DEMO-0000000001",
        "bank_account_name": "BUMDes Plobangan Lestari",
    },
    "units": [
        {"slug": "wisata", "name": {"id": "Unit Wisata", "en": "Tourism"}},
    ],
    "title": {"id": "Plobangan", "en": "Plobangan"},
    "tagline": {
        "id": "Jalan pusaka ke makam Ki Ageng Wonosobo, dipandu warga desa",
        "en": "A heritage walk to the tomb of Ki Ageng Wonosobo, led by villagers",
    },
    "story": {
        "id": (
            "<p>Di Plobangan terdapat makam Ki Ageng Wonosobo, tokoh yang dihormati sebagai "
            "pendiri Kabupaten Wonosobo. Hingga kini makam ini menjadi tempat ziarah yang "
            "dikunjungi dengan penuh hormat.</p>"
            "<p>BUMDes Plobangan Lestari mengajak Anda mengenal kisah ini dari dekat: berjalan "
            "bersama pencerita desa, menikmati malam budaya, dan mencicipi masakan rumahan. "
            "Penghasilan dari setiap kunjungan kembali ke desa.</p>"
        ),
        "en": (
            "<p>Plobangan is home to the tomb of Ki Ageng Wonosobo, honoured as the founder of "
            "Wonosobo regency. It is still a place of pilgrimage, visited quietly and with "
            "respect.</p>"
            "<p>The village enterprise, BUMDes Plobangan Lestari, invites you to hear this story "
            "up close: walk with a village storyteller, stay for a culture evening and share a "
            "home-cooked meal. What you pay stays in the village.</p>"
        ),
    },
    "highlights": [
        {
            "icon": "heritage",
            "title": {"id": "Makam Ki Ageng Wonosobo", "en": "Tomb of Ki Ageng Wonosobo"},
            "text": {
                "id": "Tempat ziarah tokoh pendiri Kabupaten Wonosobo.",
                "en": "A place of pilgrimage for the founder of Wonosobo.",
            },
        },
        {
            "icon": "culture",
            "title": {"id": "Pencerita desa", "en": "Village storytellers"},
            "text": {
                "id": "Kisah desa dituturkan langsung oleh warganya.",
                "en": "Hear the village's stories from the people who live here.",
            },
        },
        {
            "icon": "food",
            "title": {"id": "Masakan rumahan", "en": "Home cooking"},
            "text": {
                "id": "Makan malam bersama warga di malam budaya.",
                "en": "Dinner with your hosts at the culture evening.",
            },
        },
        {
            "icon": "community",
            "title": {"id": "Dikelola desa", "en": "Run by the village"},
            "text": {
                "id": "Penghasilan untuk warga dan keluarga purna pekerja migran.",
                "en": "Income for villagers and returned migrant workers' families.",
            },
        },
    ],
    "getting_there": _getting_there("Plobangan"),
    "latitude": -7.395,
    "longitude": 109.875,
    "image": "plobangan-hero",
    "image_alt": {
        "id": "Desa Plobangan di antara kebun dan perbukitan hijau",
        "en": "Plobangan village among gardens and green hills",
    },
    "gallery": [
        {
            "image": "plobangan-heritage-walk",
            "caption": {
                "id": "Berjalan bersama pencerita desa menuju makam",
                "en": "Walking to the tomb with a village storyteller",
            },
        },
        {
            "image": "plobangan-culture-night",
            "caption": {
                "id": "Kesenian tradisional di malam budaya",
                "en": "A traditional performance at the culture evening",
            },
        },
        {
            "image": "gallery-sunrise",
            "caption": {
                "id": "Matahari terbit di perbukitan Wonosobo",
                "en": "Sunrise over the Wonosobo hills",
            },
        },
    ],
    "tours": [_PLOBANGAN_HERITAGE_WALK, _PLOBANGAN_CULTURE_EVENING],
}


# Lipursari ----------------------------------------------------------------------------------

_LIPURSARI_BATIK: dict = {
    "slug": "kelas-membatik",
    "unit": "edukasi",
    "category": "education",
    "title": {"id": "Kelas Membatik", "en": "Batik Class"},
    "intro": {
        "id": "Buat batik Anda sendiri dengan canting dan malam, lalu bawa pulang hasilnya.",
        "en": "Make your own batik with a canting and hot wax, then take it home.",
    },
    "story": {
        "id": (
            "<p>Dalam sekitar tiga jam, pengajar membatik dari desa menemani Anda mencoba "
            "seluruh langkahnya: menggambar pola, menorehkan malam (lilin batik) dengan canting, "
            "lalu mewarnai kain hingga motif Anda muncul.</p>"
            "<p>Tidak perlu pandai menggambar. Semua bahan dan alat sudah disediakan, dan kain "
            "hasil karya Anda boleh dibawa pulang.</p>"
            "<p>Rombongan sekolah minimal 10 pelajar mendapat harga khusus. Untuk rombongan "
            "besar, atur tanggalnya dulu dengan kami lewat WhatsApp.</p>"
        ),
        "en": (
            "<p>In about three hours, a batik teacher from the village takes you through every "
            "step: draw a pattern, trace it in hot wax with a canting (a small copper pen), then "
            "dye the cloth and watch your design appear.</p>"
            "<p>No drawing skills needed. All materials and tools are provided, and your "
            "finished piece is yours to keep.</p>"
            "<p>School groups of 10 or more students get a special price. For large groups, "
            "please agree a date with us on WhatsApp first.</p>"
        ),
    },
    "image": "lipursari-batik",
    "image_alt": {
        "id": "Tangan memegang canting di atas kain batik yang sedang dibuat",
        "en": "A hand holding a canting over a piece of batik in progress",
    },
    "gallery": [
        {
            "image": "lipursari-hero",
            "caption": {"id": "Desa Lipursari, Wonosobo", "en": "Lipursari village, Wonosobo"},
        },
        {
            "image": "gallery-sunrise",
            "caption": {
                "id": "Pagi yang sejuk sebelum kelas dimulai",
                "en": "A cool morning before class begins",
            },
        },
    ],
    "duration_minutes": 180,
    "min_participants": 1,
    "max_participants": 40,
    "meeting_point": {
        "id": "Balai Desa Lipursari. Titik lokasi kami kirim lewat WhatsApp.",
        "en": "Lipursari village hall. We'll send you the map pin on WhatsApp.",
    },
    "included": {
        "id": (
            "<ul><li>Kain katun, malam, canting, dan pewarna</li>"
            "<li>Pendampingan pengajar dari desa</li>"
            "<li>Celemek</li>"
            "<li>Teh dan camilan</li>"
            "<li>Kain batik karya Anda untuk dibawa pulang</li></ul>"
        ),
        "en": (
            "<ul><li>Cotton cloth, wax, canting and dyes</li>"
            "<li>A teacher from the village</li>"
            "<li>An apron</li>"
            "<li>Tea and a snack</li>"
            "<li>Your own batik to take home</li></ul>"
        ),
    },
    "what_to_bring": {
        "id": (
            "<ul><li>Pakaian yang tidak masalah bila terkena pewarna</li>"
            "<li>Kantong plastik, karena kain mungkin masih sedikit basah</li>"
            f"<li>{_PAY_CASH['id']}</li></ul>"
        ),
        "en": (
            "<ul><li>Clothes you don't mind getting dye on</li>"
            "<li>A plastic bag: your cloth may still be a little damp</li>"
            f"<li>{_PAY_CASH['en']}</li></ul>"
        ),
    },
    "accessibility": {
        "id": (
            "Kelas dilakukan sambil duduk di satu tempat. Ada kompor kecil dan lilin batik panas, "
            "jadi anak-anak harus didampingi; paling cocok untuk usia 8 tahun ke atas. Tanyakan "
            "akses tempat lewat WhatsApp bila Anda memakai kursi roda."
        ),
        "en": (
            "You work seated in one place. There are small stoves and hot wax, so children must "
            "be supervised; best for ages 8 and up. If you use a wheelchair, ask us on WhatsApp "
            "about access."
        ),
    },
    "price_tiers": [
        {
            "label": {"id": "Per orang", "en": "Per person"},
            "price": 100000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
        {
            "label": {
                "id": "Pelajar, rombongan sekolah (min. 10 orang)",
                "en": "Student, school group (min. 10)",
            },
            "price": 75000,
            "requires_id": False,
            "min": 10,
            "max": None,
        },
    ],
    "schedule": [
        {"weekdays": WEEKDAYS, "start": "08:00", "capacity": 40},
        {"weekdays": WEEKEND, "start": "09:00", "capacity": 20},
    ],
    "cancellation": STANDARD_CANCELLATION,
    # School groups pay 30% when they book and the rest a week before.
    "deposit": {"percent": 30, "min_people": 10, "due_days": 7, "unpaid": "collect"},
}

_LIPURSARI_FARM: dict = {
    "slug": "sehari-jadi-petani",
    "unit": "edukasi",
    "category": "education",
    "title": {"id": "Sehari Jadi Petani", "en": "Farmer for a Day"},
    "intro": {
        "id": "Menanam dan memanen bersama keluarga petani Lipursari.",
        "en": "Plant and harvest alongside a Lipursari farming family.",
    },
    "story": {
        "id": (
            "<p>Bergabunglah dengan keluarga petani di ladang mereka. Anda ikut mengolah tanah, "
            "menanam bibit, dan memanen yang sudah siap petik, sesuai musimnya.</p>"
            "<p>Tuan rumah akan bercerita tentang apa yang mereka tanam, kapan, dan mengapa. "
            "Setelah bekerja, istirahat bersama dengan teh hangat dan camilan dari dapur "
            "keluarga.</p>"
        ),
        "en": (
            "<p>Join a farming family in their fields. Help prepare the soil, plant seedlings "
            "and harvest whatever is ready, depending on the season.</p>"
            "<p>Your hosts explain what they grow, when and why. After the work, take a break "
            "together with hot tea and a snack from the family kitchen.</p>"
        ),
    },
    "image": "lipursari-farm",
    "image_alt": {
        "id": "Petani dan tamu menanam bibit di ladang Lipursari",
        "en": "A farmer and visitors planting seedlings in a Lipursari field",
    },
    "gallery": [
        {
            "image": "lipursari-hero",
            "caption": {"id": "Desa Lipursari, Wonosobo", "en": "Lipursari village, Wonosobo"},
        },
        {
            "image": "gallery-sunrise",
            "caption": {
                "id": "Kerja di ladang dimulai pagi hari",
                "en": "Farm work starts early in the morning",
            },
        },
    ],
    "duration_minutes": 240,
    "min_participants": 1,
    "max_participants": 25,
    "meeting_point": {
        "id": "Balai Desa Lipursari. Titik lokasi kami kirim lewat WhatsApp.",
        "en": "Lipursari village hall. We'll send you the map pin on WhatsApp.",
    },
    "included": {
        "id": (
            "<ul><li>Pendampingan keluarga petani</li>"
            "<li>Pinjaman caping dan alat tani</li>"
            "<li>Teh hangat dan camilan</li></ul>"
        ),
        "en": (
            "<ul><li>A farming family as your hosts</li>"
            "<li>A caping (farmer's hat) and tools to borrow</li>"
            "<li>Hot tea and a snack</li></ul>"
        ),
    },
    "what_to_bring": {
        "id": (
            "<ul><li>Pakaian dan alas kaki yang boleh kotor</li>"
            "<li>Baju ganti</li>"
            "<li>Tabir surya</li>"
            f"<li>{_RAIN_GEAR['id']}</li>"
            f"<li>{_PAY_CASH['id']}</li></ul>"
        ),
        "en": (
            "<ul><li>Clothes and shoes that can get muddy</li>"
            "<li>A change of clothes</li>"
            "<li>Sunscreen</li>"
            f"<li>{_RAIN_GEAR['en']}</li>"
            f"<li>{_PAY_CASH['en']}</li></ul>"
        ),
    },
    "accessibility": {
        "id": (
            "Kerja di ladang dengan tanah yang tidak rata, bisa becek dan licin setelah hujan. "
            "Anda perlu bisa membungkuk dan berjalan di jalan setapak yang sempit. Tidak cocok "
            "untuk kursi roda."
        ),
        "en": (
            "Work in the fields on uneven ground that can be muddy and slippery after rain. "
            "You'll need to bend down and walk on narrow paths. Not suitable for wheelchairs."
        ),
    },
    "price_tiers": [
        {
            "label": {"id": "Per orang", "en": "Per person"},
            "price": 75000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
        {
            "label": {
                "id": "Pelajar, rombongan sekolah (min. 10 orang)",
                "en": "Student, school group (min. 10)",
            },
            "price": 50000,
            "requires_id": False,
            "min": 10,
            "max": None,
        },
    ],
    "schedule": [
        {"weekdays": TUESDAY_TO_SUNDAY, "start": "07:30", "capacity": 25},
    ],
    "cancellation": STANDARD_CANCELLATION,
}

_LIPURSARI_FISH: dict = {
    "slug": "panen-dan-masak-ikan",
    "unit": "edukasi",
    "category": "education",
    "title": {"id": "Panen dan Masak Ikan", "en": "Fish Farm: Feed, Harvest, Cook"},
    "intro": {
        "id": "Beri makan ikan, ikut panen di kolam, lalu masak dan santap hasilnya.",
        "en": "Feed the fish, help with the harvest, then cook and eat your catch.",
    },
    "story": {
        "id": (
            "<p>Pembudidaya ikan di Lipursari menunjukkan cara merawat kolam: memberi pakan, "
            "menjaga air, dan mengenali ikan yang sudah siap panen.</p>"
            "<p>Lalu giliran Anda ikut memanen dengan jaring. Ikan hasil panen dibersihkan dan "
            "dimasak bersama di dapur warga, lalu disantap dengan nasi dan sambal.</p>"
        ),
        "en": (
            "<p>A Lipursari fish farmer shows you how the ponds are looked after: feeding, "
            "keeping the water clean and telling which fish are ready to harvest.</p>"
            "<p>Then it's your turn to help net the fish. The catch is cleaned and cooked "
            "together in a village kitchen, and you eat it with rice and sambal.</p>"
        ),
    },
    "image": "lipursari-fish",
    "image_alt": {
        "id": "Tamu memanen ikan dengan jaring di kolam Lipursari",
        "en": "Visitors netting fish in a Lipursari pond",
    },
    "gallery": [
        {
            "image": "lipursari-hero",
            "caption": {"id": "Desa Lipursari, Wonosobo", "en": "Lipursari village, Wonosobo"},
        },
        {
            "image": "gallery-market",
            "caption": {
                "id": "Bumbu untuk memasak ikan hasil panen",
                "en": "Spices for cooking the catch",
            },
        },
    ],
    "duration_minutes": 180,
    "min_participants": 1,
    "max_participants": 30,
    "meeting_point": {
        "id": "Balai Desa Lipursari. Titik lokasi kami kirim lewat WhatsApp.",
        "en": "Lipursari village hall. We'll send you the map pin on WhatsApp.",
    },
    "included": {
        "id": (
            "<ul><li>Pendampingan pembudidaya ikan</li>"
            "<li>Pakan, jaring, dan alat</li>"
            "<li>Makan siang ikan hasil panen dengan nasi dan sambal</li>"
            "<li>Air minum</li></ul>"
        ),
        "en": (
            "<ul><li>A fish farmer as your guide</li>"
            "<li>Fish feed, nets and tools</li>"
            "<li>Lunch of your catch with rice and sambal</li>"
            "<li>Drinking water</li></ul>"
        ),
    },
    "what_to_bring": {
        "id": (
            "<ul><li>Sandal yang boleh basah</li>"
            "<li>Baju ganti dan handuk kecil</li>"
            f"<li>{_PAY_CASH['id']}</li></ul>"
        ),
        "en": (
            "<ul><li>Sandals that can get wet</li>"
            "<li>A change of clothes and a small towel</li>"
            f"<li>{_PAY_CASH['en']}</li></ul>"
        ),
    },
    "accessibility": {
        "id": (
            "Tepi kolam bisa licin dan berlumpur. Di dekat air, anak-anak harus selalu "
            "didampingi orang dewasa. Tanyakan lewat WhatsApp bila Anda punya kebutuhan khusus."
        ),
        "en": (
            "Pond edges can be slippery and muddy. Children must stay with an adult near the "
            "water at all times. Message us on WhatsApp if you have any special needs."
        ),
    },
    "price_tiers": [
        {
            "label": {"id": "Per orang", "en": "Per person"},
            "price": 90000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
        {
            "label": {
                "id": "Pelajar, rombongan sekolah (min. 10 orang)",
                "en": "Student, school group (min. 10)",
            },
            "price": 65000,
            "requires_id": False,
            "min": 10,
            "max": None,
        },
    ],
    "schedule": [
        {"weekdays": [1, 2, 3, 4], "start": "09:00", "capacity": 30},
        {"weekdays": WEEKEND, "start": "09:00", "capacity": 20},
    ],
    "cancellation": STANDARD_CANCELLATION,
}

LIPURSARI: dict = {
    "slug": "lipursari",
    "ref_prefix": "LPS",
    "enterprise": {
        "name": "BUMDes Lipursari Sejahtera",
        "legal_name": "Badan Usaha Milik Desa Lipursari Sejahtera",
        "village": "Lipursari",
        "registration_number": "DEMO-REG-LPS-001",
        "npwp": "00.000.000.0-000.000",
        "email": "lipursari@desawisata.example",
        "phone": "+62 812-0000-0102",
        "whatsapp": "6281200000102",
        "address": "Desa Lipursari, Kabupaten Wonosobo, Jawa Tengah",
        "bank_name": "Bank Jateng",
        "bank_account_number": "DEMO-0000000002",
        "bank_account_name": "BUMDes Lipursari Sejahtera",
    },
    "units": [
        {"slug": "edukasi", "name": {"id": "Unit Wisata Edukasi", "en": "Edutourism"}},
    ],
    "title": {"id": "Lipursari", "en": "Lipursari"},
    "tagline": {
        "id": "Belajar sambil mencoba: membatik, bertani, dan budidaya ikan",
        "en": "Learn by doing: batik, farming and fish farming",
    },
    "story": {
        "id": (
            "<p>Lipursari adalah desa wisata edukasi. Di sini Anda tidak hanya melihat, tetapi "
            "ikut mengerjakan: membatik, menanam dan memanen di ladang, sampai memberi makan "
            "dan memanen ikan di kolam.</p>"
            "<p>Semua kegiatan dipandu warga dan dikelola BUMDes Lipursari Sejahtera. Cocok "
            "untuk keluarga, wisatawan yang ingin mencoba hal baru, dan rombongan sekolah, "
            "dengan harga khusus pelajar.</p>"
        ),
        "en": (
            "<p>Lipursari is a learning village. You don't just watch here, you join in: make "
            "batik, plant and harvest in the fields, feed the fish and net them from the "
            "ponds.</p>"
            "<p>Every activity is led by villagers and run by BUMDes Lipursari Sejahtera. "
            "Great for families, curious travellers and school groups, with a special student "
            "price.</p>"
        ),
    },
    "highlights": [
        {
            "icon": "craft",
            "title": {"id": "Membatik", "en": "Batik"},
            "text": {
                "id": "Buat sendiri, bawa pulang kain karya Anda.",
                "en": "Make your own piece and take it home.",
            },
        },
        {
            "icon": "farm",
            "title": {"id": "Bertani", "en": "Farming"},
            "text": {
                "id": "Menanam dan memanen bersama keluarga petani.",
                "en": "Plant and harvest with a farming family.",
            },
        },
        {
            "icon": "fish",
            "title": {"id": "Budidaya ikan", "en": "Fish farming"},
            "text": {
                "id": "Beri makan, panen, lalu masak hasilnya.",
                "en": "Feed, harvest, then cook your catch.",
            },
        },
        {
            "icon": "education",
            "title": {"id": "Rombongan sekolah", "en": "School groups"},
            "text": {
                "id": "Harga khusus pelajar untuk minimal 10 orang.",
                "en": "Student prices for groups of 10 or more.",
            },
        },
    ],
    "getting_there": _getting_there("Lipursari"),
    "latitude": -7.425,
    "longitude": 109.925,
    "image": "lipursari-hero",
    "image_alt": {
        "id": "Desa Lipursari dengan ladang dan kolam ikan",
        "en": "Lipursari village with its fields and fish ponds",
    },
    "gallery": [
        {
            "image": "lipursari-batik",
            "caption": {
                "id": "Belajar membatik dengan canting",
                "en": "Learning batik with a canting",
            },
        },
        {
            "image": "lipursari-farm",
            "caption": {
                "id": "Menanam bersama keluarga petani",
                "en": "Planting with a farming family",
            },
        },
        {
            "image": "lipursari-fish",
            "caption": {"id": "Memanen ikan di kolam", "en": "Harvesting fish from the pond"},
        },
    ],
    "tours": [_LIPURSARI_BATIK, _LIPURSARI_FARM, _LIPURSARI_FISH],
}


# Gunturmadu ---------------------------------------------------------------------------------

_GUNTURMADU_FIELD_TO_KITCHEN: dict = {
    "slug": "dari-ladang-ke-dapur-tempe-kemul",
    "unit": "wisata",
    "category": "culinary",
    "title": {"id": "Dari Ladang ke Dapur: Tempe Kemul", "en": "Field to Kitchen: Tempe Kemul"},
    "intro": {
        "id": "Kunjungi ladang daun bawang, lihat proses pengeringan, lalu masak Tempe Kemul.",
        "en": "Visit the spring-onion fields, see the drying, then cook your own Tempe Kemul.",
    },
    "story": {
        "id": (
            "<p>Perjalanan dimulai di ladang daun bawang. Petani menunjukkan cara menanam dan "
            "memanennya, dan Anda boleh ikut memetik.</p>"
            "<p>Berikutnya, lihat bagaimana daun bawang dikeringkan lalu diolah menjadi bumbu "
            "instan buatan desa.</p>"
            "<p>Terakhir, di dapur, Anda mengaduk adonan, membalut tempe, dan menggorengnya "
            "sendiri. Santap Tempe Kemul selagi hangat, ditemani teh atau kopi.</p>"
        ),
        "en": (
            "<p>Start in the spring-onion fields, where a farmer shows you how the crop is grown "
            "and harvested. You're welcome to pick some yourself.</p>"
            "<p>Next, see how the leaves are dried and turned into the village's own instant "
            "seasoning.</p>"
            "<p>Finally, in the kitchen, mix the batter, wrap the tempeh and fry it yourself. "
            "Eat your Tempe Kemul while it's hot, with tea or coffee.</p>"
        ),
    },
    "image": "gunturmadu-onion",
    "image_alt": {
        "id": "Ladang daun bawang hijau di Gunturmadu",
        "en": "Green spring-onion fields in Gunturmadu",
    },
    "gallery": [
        {
            "image": "gunturmadu-tempe",
            "caption": {
                "id": "Tempe Kemul hangat dari wajan",
                "en": "Hot Tempe Kemul, fresh from the pan",
            },
        },
        {
            "image": "gunturmadu-hero",
            "caption": {"id": "Desa Gunturmadu, Wonosobo", "en": "Gunturmadu village, Wonosobo"},
        },
    ],
    "duration_minutes": 180,
    "min_participants": 1,
    "max_participants": 15,
    "meeting_point": {
        "id": "Balai Desa Gunturmadu. Titik lokasi kami kirim lewat WhatsApp.",
        "en": "Gunturmadu village hall. We'll send you the map pin on WhatsApp.",
    },
    "included": {
        "id": (
            "<ul><li>Petani sebagai pemandu</li>"
            "<li>Semua bahan untuk memasak</li>"
            "<li>Tempe Kemul dan teh atau kopi</li>"
            "<li>Satu bungkus bumbu Tempe Kemul untuk dibawa pulang</li></ul>"
        ),
        "en": (
            "<ul><li>A farmer as your guide</li>"
            "<li>All cooking ingredients</li>"
            "<li>Tempe Kemul with tea or coffee</li>"
            "<li>A pack of Tempe Kemul seasoning to take home</li></ul>"
        ),
    },
    "what_to_bring": {
        "id": (
            "<ul><li>Alas kaki yang boleh kotor</li>"
            "<li>Topi</li>"
            f"<li>{_RAIN_GEAR['id']}</li>"
            f"<li>{_PAY_CASH['id']}</li></ul>"
        ),
        "en": (
            "<ul><li>Shoes that can get muddy</li>"
            "<li>A hat</li>"
            f"<li>{_RAIN_GEAR['en']}</li>"
            f"<li>{_PAY_CASH['en']}</li></ul>"
        ),
    },
    "accessibility": {
        "id": (
            "Jalan kaki di ladang lewat jalan setapak yang tidak rata dan bisa licin saat hujan. "
            "Saat memasak ada minyak panas, jadi anak-anak harus didampingi."
        ),
        "en": (
            "Walking in the fields on uneven paths that can be slippery in the rain. The cooking "
            "uses hot oil, so children must be supervised."
        ),
    },
    "price_tiers": [
        {
            "label": {"id": "Dewasa", "en": "Adult"},
            "price": 85000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
        {
            "label": {"id": "Anak 4-12 tahun", "en": "Child aged 4 to 12"},
            "price": 45000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
    ],
    "schedule": [
        {"weekdays": TUESDAY_TO_SUNDAY, "start": "08:30", "capacity": 15},
        {"weekdays": WEEKEND, "start": "13:00", "capacity": 15},
    ],
    "cancellation": STANDARD_CANCELLATION,
}

_GUNTURMADU_SEASONING: dict = {
    "slug": "kelas-bumbu-tempe-kemul",
    "unit": "produk",
    "category": "culinary",
    "title": {
        "id": "Kelas Bumbu Tempe Kemul",
        "en": "Tempe Kemul Seasoning Workshop",
    },
    "intro": {
        "id": "Lihat daun bawang kering diolah jadi bumbu, cicipi, lalu kemas bumbu Anda sendiri.",
        "en": "See dried spring onion become seasoning, taste it, and pack your own to take home.",
    },
    "story": {
        "id": (
            "<p>Kelas singkat di tempat produksi bumbu BUMDes. Anda melihat daun bawang kering "
            "diolah menjadi bubuk bumbu untuk adonan Tempe Kemul, dan mendengar dari warga "
            "bagaimana usaha desa ini berjalan.</p>"
            "<p>Cicipi Tempe Kemul yang dibuat dengan bumbu ini, lalu kemas sendiri dua bungkus "
            "untuk dibawa pulang. Pas untuk Anda yang waktunya terbatas.</p>"
        ),
        "en": (
            "<p>A short workshop where the BUMDes makes its seasoning. See dried spring-onion "
            "leaves turned into the powder that goes into Tempe Kemul batter, and hear from "
            "villagers how the business works.</p>"
            "<p>Taste Tempe Kemul made with it, then pack two bags of your own to take home. "
            "Ideal if you're short on time.</p>"
        ),
    },
    "image": "gunturmadu-tempe",
    "image_alt": {
        "id": "Tempe Kemul goreng di samping bungkus bumbu daun bawang",
        "en": "Fried Tempe Kemul next to packs of spring-onion seasoning",
    },
    "gallery": [
        {
            "image": "gunturmadu-onion",
            "caption": {
                "id": "Daun bawang dari ladang desa",
                "en": "Spring onions from the village fields",
            },
        },
        {
            "image": "gallery-market",
            "caption": {
                "id": "Tempe dan bahan segar untuk Tempe Kemul",
                "en": "Tempeh and fresh ingredients for Tempe Kemul",
            },
        },
    ],
    "duration_minutes": 90,
    "min_participants": 1,
    "max_participants": 12,
    "meeting_point": {
        "id": "Tempat produksi bumbu BUMDes Gunturmadu. Titik lokasi kami kirim lewat WhatsApp.",
        "en": "The BUMDes Gunturmadu seasoning kitchen. We'll send you the map pin on WhatsApp.",
    },
    "included": {
        "id": (
            "<ul><li>Pemandu dari BUMDes</li>"
            "<li>Celemek dan penutup kepala</li>"
            "<li>Cicip Tempe Kemul dengan teh</li>"
            "<li>Dua bungkus bumbu untuk dibawa pulang</li></ul>"
        ),
        "en": (
            "<ul><li>A guide from the BUMDes</li>"
            "<li>An apron and a hairnet</li>"
            "<li>A Tempe Kemul tasting with tea</li>"
            "<li>Two packs of seasoning to take home</li></ul>"
        ),
    },
    "what_to_bring": {
        "id": (
            f"<ul><li>{_PAY_CASH['id']}</li>"
            "<li>Uang tunai tambahan bila ingin membeli bumbu untuk oleh-oleh</li></ul>"
        ),
        "en": (
            f"<ul><li>{_PAY_CASH['en']}</li>"
            "<li>Extra cash if you'd like to buy more seasoning as gifts</li></ul>"
        ),
    },
    "accessibility": {
        "id": (
            "Kegiatan di dalam ruangan, sambil berdiri atau duduk di kursi. Jalan menuju tempat "
            "produksi mungkin tidak rata; tanyakan lewat WhatsApp bila Anda butuh bantuan."
        ),
        "en": (
            "Indoors, standing or seated on chairs. The way to the kitchen may be uneven; "
            "message us on WhatsApp if you need help."
        ),
    },
    "price_tiers": [
        {
            "label": {"id": "Dewasa", "en": "Adult"},
            "price": 50000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
        {
            "label": {"id": "Anak 4-12 tahun", "en": "Child aged 4 to 12"},
            "price": 25000,
            "requires_id": False,
            "min": None,
            "max": None,
        },
    ],
    "schedule": [
        {"weekdays": TUESDAY_TO_SUNDAY, "start": "10:00", "capacity": 12},
        {"weekdays": TUESDAY_TO_SUNDAY, "start": "14:00", "capacity": 12},
    ],
    "cancellation": STANDARD_CANCELLATION,
}

GUNTURMADU: dict = {
    "slug": "gunturmadu",
    "ref_prefix": "GTM",
    "enterprise": {
        "name": "BUMDes Gunturmadu Mandiri",
        "legal_name": "Badan Usaha Milik Desa Gunturmadu Mandiri",
        "village": "Gunturmadu",
        "registration_number": "DEMO-REG-GTM-001",
        "npwp": "00.000.000.0-000.000",
        "email": "gunturmadu@desawisata.example",
        "phone": "+62 812-0000-0103",
        "whatsapp": "6281200000103",
        "address": "Desa Gunturmadu, Kabupaten Wonosobo, Jawa Tengah",
        "bank_name": "Bank Jateng",
        "bank_account_number": "DEMO-0000000003",
        "bank_account_name": "BUMDes Gunturmadu Mandiri",
    },
    "units": [
        {"slug": "wisata", "name": {"id": "Unit Wisata", "en": "Tourism"}},
        {
            "slug": "produk",
            "name": {"id": "Unit Produksi Bumbu Tempe Kemul", "en": "Tempe Kemul Seasoning"},
        },
    ],
    "title": {"id": "Gunturmadu", "en": "Gunturmadu"},
    "tagline": {
        "id": "Dari ladang daun bawang ke wajan Tempe Kemul",
        "en": "From spring-onion fields to a pan of Tempe Kemul",
    },
    "story": {
        "id": (
            "<p>Gunturmadu adalah desa pertanian. Warga mengolah daun bawang dari ladang "
            "menjadi bumbu instan untuk Tempe Kemul, gorengan khas Wonosobo: tempe berbalut "
            "adonan tepung berbumbu yang renyah.</p>"
            "<p>Bersama BUMDes Gunturmadu Mandiri, Anda bisa melihat seluruh prosesnya, dari "
            "ladang, pengeringan, sampai dapur. Bawa pulang bumbu buatan desa dan masak Tempe "
            "Kemul sendiri di rumah.</p>"
        ),
        "en": (
            "<p>Gunturmadu is a farming village. Here, spring-onion leaves from the fields are "
            "dried and made into an instant seasoning for Tempe Kemul, a Wonosobo favourite: "
            "tempeh fried in a crisp \u201cblanket\u201d (kemul) of spiced batter.</p>"
            "<p>With BUMDes Gunturmadu Mandiri you can follow the whole journey, from the field "
            "through drying to the kitchen. Take a pack of the village's seasoning home and make "
            "Tempe Kemul yourself.</p>"
        ),
    },
    "highlights": [
        {
            "icon": "farm",
            "title": {"id": "Ladang daun bawang", "en": "Spring-onion fields"},
            "text": {
                "id": "Ikut memetik bersama petani desa.",
                "en": "Pick spring onions with a village farmer.",
            },
        },
        {
            "icon": "food",
            "title": {"id": "Tempe Kemul", "en": "Tempe Kemul"},
            "text": {
                "id": "Masak dan santap gorengan khas Wonosobo.",
                "en": "Cook and eat Wonosobo's favourite fritter.",
            },
        },
        {
            "icon": "community",
            "title": {"id": "Produk desa", "en": "Made in the village"},
            "text": {
                "id": "Bumbu buatan BUMDes, oleh-oleh dari Gunturmadu.",
                "en": "The BUMDes's own seasoning, a gift to take home.",
            },
        },
    ],
    "getting_there": _getting_there("Gunturmadu"),
    "latitude": -7.335,
    "longitude": 109.915,
    "image": "gunturmadu-hero",
    "image_alt": {
        "id": "Desa Gunturmadu dengan ladang sayur di lereng bukit",
        "en": "Gunturmadu village with vegetable fields on the hillside",
    },
    "gallery": [
        {
            "image": "gunturmadu-onion",
            "caption": {"id": "Ladang daun bawang", "en": "Spring-onion fields"},
        },
        {
            "image": "gunturmadu-tempe",
            "caption": {
                "id": "Tempe Kemul, gorengan khas Wonosobo",
                "en": "Tempe Kemul, a Wonosobo favourite",
            },
        },
        {
            "image": "gallery-tea",
            "caption": {
                "id": "Perbukitan hijau Wonosobo",
                "en": "The green hills of Wonosobo",
            },
        },
    ],
    "tours": [_GUNTURMADU_FIELD_TO_KITCHEN, _GUNTURMADU_SEASONING],
}


VILLAGES: list[dict] = [PLOBANGAN, LIPURSARI, GUNTURMADU]


# Standard pages -----------------------------------------------------------------------------

_ABOUT_BODY: T = {
    "id": (
        "<p><strong>Desa Wisata</strong> adalah tempat memesan pengalaman wisata langsung dari "
        "desa-desa di Kabupaten Wonosobo, Jawa Tengah. Saat ini ada tiga desa: Plobangan, "
        "Lipursari, dan Gunturmadu.</p>"
        "<p>Setiap desa mengelola wisatanya sendiri melalui <strong>BUMDes</strong> (Badan "
        "Usaha Milik Desa), badan usaha milik desa yang dijalankan oleh warganya. Pemandu, "
        "pengajar, juru masak, dan penampil yang Anda temui adalah warga desa itu sendiri.</p>"
        "<p>Banyak warga Wonosobo merantau bekerja ke luar negeri. Usaha wisata ini dibangun "
        "agar purna pekerja migran dan keluarganya punya penghasilan di kampung halaman.</p>"
        "<p>Anda membayar langsung kepada BUMDes desa yang Anda kunjungi. Hotel dan biro "
        "perjalanan yang menjadi mitra menerima komisi untuk tamu yang mereka bawa.</p>"
        "<p>Ada pertanyaan? Hubungi kami lewat WhatsApp atau email ke "
        '<a href="mailto:halo@desawisata.example">halo@desawisata.example</a>.</p>'
    ),
    "en": (
        "<p><strong>Desa Wisata</strong> lets you book experiences directly with villages in "
        "Wonosobo regency, Central Java. There are three villages so far: Plobangan, Lipursari "
        "and Gunturmadu.</p>"
        "<p>Each village runs its own tourism through its <strong>BUMDes</strong> (Badan Usaha "
        "Milik Desa), an enterprise owned by the village and run by its people. The guides, "
        "teachers, cooks and performers you meet live in the village.</p>"
        "<p>Many people from Wonosobo go abroad to work. These tourism businesses were set up "
        "so that returned migrant workers and their families can earn a living at home.</p>"
        "<p>You pay the BUMDes of the village you visit directly. Partner hotels and travel "
        "agents earn a commission on the guests they bring.</p>"
        "<p>Questions? Message us on WhatsApp or email "
        '<a href="mailto:halo@desawisata.example">halo@desawisata.example</a>.</p>'
    ),
}

_FAQ_BODY: T = {
    "id": (
        "<p><strong>Bagaimana cara memesan?</strong></p>"
        "<p>Pilih pengalaman, tanggal, dan jumlah peserta, lalu isi nama dan nomor WhatsApp "
        "Anda. Anda langsung menerima kode pemesanan dan tiket dengan kode QR.</p>"
        "<p><strong>Bagaimana cara membayar?</strong></p>"
        "<p>Untuk saat ini, bayar tunai di lokasi kepada petugas BUMDes sebelum kegiatan "
        "dimulai. Pembayaran online akan segera tersedia.</p>"
        "<p><strong>Bagaimana kalau saya batal?</strong></p>"
        "<p>Kabari kami secepatnya lewat WhatsApp agar tempat Anda bisa dipakai tamu lain. "
        "Untuk pembayaran di muka: uang kembali penuh bila batal paling lambat 48 jam sebelum "
        "jadwal, setengahnya bila 24 sampai 48 jam sebelumnya, dan tidak kembali bila kurang "
        "dari 24 jam.</p>"
        "<p><strong>Pemandu berbicara bahasa apa?</strong></p>"
        "<p>Kegiatan dipandu dalam bahasa Indonesia. Butuh pemandu berbahasa Inggris? Tulis di "
        "catatan pemesanan atau tanyakan lewat WhatsApp. Kami usahakan, tetapi belum bisa "
        "dijamin untuk setiap jadwal.</p>"
        "<p><strong>Boleh membawa anak?</strong></p>"
        "<p>Tentu. Harga anak berlaku untuk usia 4 sampai 12 tahun, dan anak di bawah 4 tahun "
        "gratis. Anak-anak harus selalu didampingi, terutama di dekat kolam, lilin batik panas, "
        "atau minyak panas.</p>"
        "<p><strong>Bagaimana kalau hujan?</strong></p>"
        "<p>Di Wonosobo hujan bisa turun kapan saja, apalagi di musim hujan. Sebagian besar "
        "kegiatan tetap berjalan saat gerimis, jadi bawalah payung atau jas hujan. Bila desa "
        "membatalkan karena cuaca buruk, Anda bisa pindah jadwal atau mendapat uang kembali "
        "penuh.</p>"
        "<p><strong>Bagaimana menuju desa?</strong></p>"
        "<p>Ketiga desa bisa dicapai dengan mobil, sepeda motor, atau ojek dari kota Wonosobo. "
        "Kirim pesan WhatsApp kepada desa tujuan sebelum berangkat; mereka akan mengirim titik "
        "lokasi dan petunjuk jalan.</p>"
        "<p><strong>Bisa untuk rombongan sekolah?</strong></p>"
        "<p>Bisa. Di Lipursari ada harga khusus pelajar untuk rombongan minimal 10 orang. "
        "Hubungi kami lewat WhatsApp untuk mengatur tanggal rombongan besar.</p>"
    ),
    "en": (
        "<p><strong>How do I book?</strong></p>"
        "<p>Choose an experience, a date and how many people are coming, then add your name and "
        "WhatsApp number. You get a booking code and a ticket with a QR code straight away.</p>"
        "<p><strong>How do I pay?</strong></p>"
        "<p>For now, you pay cash on arrival to the BUMDes host before the activity starts. "
        "Online payment is coming soon.</p>"
        "<p><strong>What if I need to cancel?</strong></p>"
        "<p>Let us know on WhatsApp as soon as you can, so someone else can take your place. "
        "If you paid in advance: full refund up to 48 hours before the start, half between 48 "
        "and 24 hours, and no refund within 24 hours.</p>"
        "<p><strong>What language are the tours in?</strong></p>"
        "<p>Tours are guided in Indonesian. Need an English-speaking guide? Add a note to your "
        "booking or ask us on WhatsApp. We'll do our best, but we can't promise one for every "
        "date yet.</p>"
        "<p><strong>Can I bring children?</strong></p>"
        "<p>Of course. Child prices are for ages 4 to 12, and under-4s go free. Please keep an "
        "eye on children at all times, especially near ponds, hot wax or hot oil.</p>"
        "<p><strong>What if it rains?</strong></p>"
        "<p>In Wonosobo it can rain at any time, especially in the rainy season. Most "
        "activities go ahead in light rain, so bring an umbrella or a rain jacket. If the "
        "village cancels because of bad weather, you can move to another date or get a full "
        "refund.</p>"
        "<p><strong>How do I get to the villages?</strong></p>"
        "<p>All three villages can be reached by car, motorbike or ojek (motorbike taxi) from "
        "Wonosobo town. Send the village a WhatsApp message before you set off and they'll "
        "share the map pin and directions.</p>"
        "<p><strong>Do you take school groups?</strong></p>"
        "<p>Yes. Lipursari has a student price for groups of 10 or more. Message us on WhatsApp "
        "to arrange a date for a large group.</p>"
    ),
}

_TERMS_BODY: T = {
    "id": (
        "<p><strong>1. Pemesanan</strong></p>"
        "<p>Pemesanan berlaku setelah Anda menerima kode pemesanan. Mohon datang di titik "
        "kumpul 15 menit sebelum jadwal dan tunjukkan tiket Anda.</p>"
        "<p><strong>2. Harga</strong></p>"
        "<p>Harga dalam rupiah, per orang, dan sudah termasuk semua yang tercantum di bagian "
        "\u201cTermasuk\u201d. Harga WNI dan pemegang KITAS berlaku dengan menunjukkan KTP, "
        "paspor Indonesia, atau KITAS saat kedatangan. Tanpa itu, berlaku harga wisatawan "
        "mancanegara.</p>"
        "<p><strong>3. Pembayaran</strong></p>"
        "<p>Untuk saat ini pembayaran dilakukan tunai di lokasi kepada petugas BUMDes, dan Anda "
        "menerima kuitansi. Pembayaran online akan segera tersedia.</p>"
        "<p><strong>4. Pembatalan oleh Anda</strong></p>"
        "<p>Mohon kabari kami secepatnya lewat WhatsApp atau email. Untuk pembayaran di muka: "
        "uang kembali penuh bila batal paling lambat 48 jam sebelum jadwal, setengahnya bila "
        "24 sampai 48 jam sebelumnya, dan tidak kembali bila kurang dari 24 jam. Ketentuan "
        "tiap paket tertera di halamannya.</p>"
        "<p><strong>5. Perubahan oleh desa</strong></p>"
        "<p>Karena cuaca buruk atau alasan keselamatan, desa dapat memindahkan jadwal atau "
        "membatalkan kegiatan. Anda bebas memilih jadwal lain atau mendapat uang kembali "
        "penuh.</p>"
        "<p><strong>6. Selama kegiatan</strong></p>"
        "<p>Ikuti arahan pemandu, hormati adat setempat dan tempat ziarah, dan mintalah izin "
        "sebelum memotret orang. Anak-anak menjadi tanggung jawab orang tua atau "
        "pendampingnya.</p>"
        "<p><strong>7. Kontak</strong></p>"
        "<p>Pertanyaan tentang ketentuan ini dapat dikirim ke "
        '<a href="mailto:halo@desawisata.example">halo@desawisata.example</a>.</p>'
    ),
    "en": (
        "<p><strong>1. Bookings</strong></p>"
        "<p>Your booking is confirmed once you receive a booking code. Please be at the meeting "
        "point 15 minutes before the start and show your ticket.</p>"
        "<p><strong>2. Prices</strong></p>"
        "<p>Prices are in Indonesian rupiah, per person, and include everything listed under "
        "\u201cIncluded\u201d. The Indonesian and KITAS price needs an Indonesian ID card "
        "(KTP), an Indonesian passport or a KITAS shown on arrival. Without one, the foreign "
        "visitor price applies.</p>"
        "<p><strong>3. Payment</strong></p>"
        "<p>For now, you pay cash on arrival to the BUMDes host and receive a receipt. Online "
        "payment is coming soon.</p>"
        "<p><strong>4. If you cancel</strong></p>"
        "<p>Please let us know as soon as possible on WhatsApp or by email. If you paid in "
        "advance: full refund up to 48 hours before the start, half between 48 and 24 hours, "
        "and no refund within 24 hours. Each experience shows its own policy on its page.</p>"
        "<p><strong>5. If the village changes plans</strong></p>"
        "<p>Because of bad weather or for safety reasons, the village may move or cancel an "
        "activity. You can then choose another date or get a full refund.</p>"
        "<p><strong>6. During the activity</strong></p>"
        "<p>Follow your guide, respect local customs and places of pilgrimage, and ask before "
        "taking photos of people. Children are the responsibility of their parents or "
        "guardians.</p>"
        "<p><strong>7. Contact</strong></p>"
        "<p>Questions about these terms: "
        '<a href="mailto:halo@desawisata.example">halo@desawisata.example</a>.</p>'
    ),
}

_PRIVACY_BODY: T = {
    "id": (
        "<p><strong>Data yang kami simpan</strong></p>"
        "<p>Nama, nomor telepon atau WhatsApp, email bila Anda mengisinya, jumlah peserta, dan "
        "catatan yang Anda tulis saat memesan.</p>"
        "<p><strong>Untuk apa</strong></p>"
        "<p>Hanya untuk mengurus pemesanan Anda: menghubungi Anda tentang jadwal, memeriksa "
        "tiket saat kedatangan, dan pembukuan BUMDes.</p>"
        "<p><strong>Siapa yang melihatnya</strong></p>"
        "<p>Petugas BUMDes desa yang Anda kunjungi, dan hotel atau biro perjalanan mitra bila "
        "Anda memesan melalui mereka. Kami tidak menjual data Anda kepada siapa pun.</p>"
        "<p><strong>Cookie</strong></p>"
        "<p>Kami hanya memakai cookie yang diperlukan agar situs berjalan, misalnya untuk "
        "mengingat pilihan bahasa dan pemesanan yang sedang Anda isi. Tidak ada cookie "
        "iklan.</p>"
        "<p><strong>Hak Anda</strong></p>"
        "<p>Anda dapat meminta salinan, perbaikan, atau penghapusan data Anda melalui "
        '<a href="mailto:halo@desawisata.example">halo@desawisata.example</a>.</p>'
    ),
    "en": (
        "<p><strong>What we keep</strong></p>"
        "<p>Your name, phone or WhatsApp number, email if you give one, the number of people "
        "and any note you add when booking.</p>"
        "<p><strong>Why</strong></p>"
        "<p>Only to handle your booking: to contact you about it, check your ticket on arrival "
        "and keep the BUMDes's books.</p>"
        "<p><strong>Who sees it</strong></p>"
        "<p>Staff of the BUMDes you visit, and the partner hotel or travel agent if you booked "
        "through them. We never sell your data.</p>"
        "<p><strong>Cookies</strong></p>"
        "<p>We only use cookies the site needs to work, for example to remember your language "
        "and the booking you're filling in. No advertising cookies.</p>"
        "<p><strong>Your rights</strong></p>"
        "<p>You can ask for a copy of your data, or for it to be corrected or deleted, at "
        '<a href="mailto:halo@desawisata.example">halo@desawisata.example</a>.</p>'
    ),
}

STANDARD_PAGES: list[dict] = [
    {
        "slug": "tentang",
        "title": {"id": "Tentang Kami", "en": "About Us"},
        "intro": {
            "id": "Wisata yang dikelola desa, untuk desa.",
            "en": "Tourism run by villages, for villages.",
        },
        "body": _ABOUT_BODY,
        "image": "about",
    },
    {
        "slug": "faq",
        "title": {"id": "Pertanyaan Umum", "en": "Frequently Asked Questions"},
        "intro": {
            "id": "Jawaban singkat tentang pemesanan, pembayaran, dan kunjungan Anda.",
            "en": "Quick answers about booking, paying and your visit.",
        },
        "body": _FAQ_BODY,
        "image": None,
    },
    {
        "slug": "syarat-ketentuan",
        "title": {"id": "Syarat dan Ketentuan", "en": "Terms and Conditions"},
        "intro": {
            "id": "Ketentuan sederhana untuk setiap pemesanan.",
            "en": "The simple rules behind every booking.",
        },
        "body": _TERMS_BODY,
        "image": None,
    },
    {
        "slug": "privasi",
        "title": {"id": "Kebijakan Privasi", "en": "Privacy Policy"},
        "intro": {
            "id": "Data apa yang kami simpan, untuk apa, dan siapa yang melihatnya.",
            "en": "What we keep, why, and who sees it.",
        },
        "body": _PRIVACY_BODY,
        "image": None,
    },
]


PARTNERS: list[dict] = [
    {
        "slug": "hotel-kabut-teh-wonosobo",
        "name": "Hotel Kabut Teh Wonosobo",
        "kind": "hotel",
        "commission_percent": 10,
        "settlement": "online",
    },
    {
        "slug": "lintas-candi-tour-travel",
        "name": "Lintas Candi Tour & Travel",
        "kind": "agent",
        "commission_percent": 15,
        "settlement": "on_account",
    },
]
