## Nazwy wartości słowników pokazywane uczestnikom. W języku angielskim nazwy
## pochodzą z kodu; tutaj są ich polskie odpowiedniki.

vocab-ethnic-group-asian-bangladeshi = Banglijska
vocab-ethnic-group-asian-chinese = Chińska
vocab-ethnic-group-asian-indian = Indyjska
vocab-ethnic-group-asian-pakistani = Pakistańska
vocab-ethnic-group-asian-other = Inne pochodzenie azjatyckie
vocab-ethnic-group-black-african = Afrykańska
vocab-ethnic-group-black-caribbean = Karaibska
vocab-ethnic-group-black-other = Inne pochodzenie czarne, czarne brytyjskie lub karaibskie
vocab-ethnic-group-mixed-white-asian = Biała i azjatycka
vocab-ethnic-group-mixed-white-black-african = Biała i czarna afrykańska
vocab-ethnic-group-mixed-white-black-caribbean = Biała i czarna karaibska
vocab-ethnic-group-mixed-other = Inne pochodzenie mieszane lub wielorakie
vocab-ethnic-group-white-british = Angielska, walijska, szkocka, północnoirlandzka lub brytyjska
vocab-ethnic-group-white-irish = Irlandzka
vocab-ethnic-group-white-gypsy-traveller = Cygańska lub irlandzkich Wędrowców (Travellers)
vocab-ethnic-group-white-roma = Romska
vocab-ethnic-group-white-other = Inne pochodzenie białe
vocab-ethnic-group-other-arab = Arabska
vocab-ethnic-group-other-any = Inna grupa etniczna
vocab-ethnic-group-prefer-not-to-say = Wolę nie mówić

vocab-ethnic-group-heading-asian = Azjatycka, azjatycka brytyjska lub azjatycka walijska
vocab-ethnic-group-heading-black = Czarna, czarna brytyjska, czarna walijska, karaibska lub afrykańska
vocab-ethnic-group-heading-mixed = Mieszane lub wielorakie grupy etniczne
vocab-ethnic-group-heading-white = Biała
vocab-ethnic-group-heading-other = Inna grupa etniczna

vocab-age-band-under-16 = Poniżej 16 lat
vocab-age-band-16-17 = 16–17 lat
vocab-age-band-18-24 = 18–24 lata
vocab-age-band-25-34 = 25–34 lata
vocab-age-band-35-44 = 35–44 lata
vocab-age-band-45-54 = 45–54 lata
vocab-age-band-55-64 = 55–64 lata
vocab-age-band-65-74 = 65–74 lata
vocab-age-band-75-84 = 75–84 lata
vocab-age-band-85-plus = 85 lat lub więcej
vocab-age-band-prefer-not-to-say = Wolę nie mówić

vocab-sex-female = Kobieta
vocab-sex-male = Mężczyzna
vocab-sex-prefer-not-to-say = Wolę nie mówić

vocab-gender-identity-same = Tak, taka sama
vocab-gender-identity-different = Nie, inna
vocab-gender-identity-prefer-not-to-say = Wolę nie mówić

vocab-sexual-orientation-straight = Heteroseksualna
vocab-sexual-orientation-gay-lesbian = Gej lub lesbijka
vocab-sexual-orientation-bisexual = Biseksualna
vocab-sexual-orientation-other = Inna orientacja seksualna
vocab-sexual-orientation-prefer-not-to-say = Wolę nie mówić

vocab-disability-limited-a-lot = Tak, bardzo utrudniają
vocab-disability-limited-a-little = Tak, trochę utrudniają
vocab-disability-not-limited = Nie
vocab-disability-prefer-not-to-say = Wolę nie mówić

vocab-religion-no-religion = Bez religii
vocab-religion-christian = Chrześcijaństwo
vocab-religion-buddhist = Buddyzm
vocab-religion-hindu = Hinduizm
vocab-religion-jewish = Judaizm
vocab-religion-muslim = Islam
vocab-religion-sikh = Sikhizm
vocab-religion-other = Inna religia
vocab-religion-prefer-not-to-say = Wolę nie mówić

vocab-carer-status-no = Nie
vocab-carer-status-up-to-19 = Tak, 19 godzin tygodniowo lub mniej
vocab-carer-status-20-49 = Tak, od 20 do 49 godzin tygodniowo
vocab-carer-status-50-plus = Tak, 50 godzin tygodniowo lub więcej
vocab-carer-status-prefer-not-to-say = Wolę nie mówić

vocab-pregnancy-and-maternity-yes = Tak, jestem w ciąży lub urodziłam w ciągu ostatnich 26 tygodni
vocab-pregnancy-and-maternity-no = Nie
vocab-pregnancy-and-maternity-prefer-not-to-say = Wolę nie mówić

vocab-marriage-and-civil-partnership-never = Nigdy w małżeństwie ani w związku partnerskim
vocab-marriage-and-civil-partnership-married = W małżeństwie
vocab-marriage-and-civil-partnership-civil-partnership = W związku partnerskim
vocab-marriage-and-civil-partnership-separated = W separacji, ale nadal w małżeństwie lub związku partnerskim
vocab-marriage-and-civil-partnership-divorced = Rozwiedziona lub rozwiedziony, albo związek partnerski rozwiązany
vocab-marriage-and-civil-partnership-widowed = Wdowa, wdowiec lub partner, który przeżył
vocab-marriage-and-civil-partnership-prefer-not-to-say = Wolę nie mówić

vocab-person-role-service-user = Osoba korzystająca z usług
vocab-person-role-patient = Pacjent
vocab-person-role-carer = Opiekun
vocab-person-role-expert-by-experience = Ekspert z doświadczenia
vocab-person-role-resident = Mieszkaniec
vocab-person-role-young-person = Młoda osoba
vocab-person-role-staff = Pracownik
vocab-person-role-voluntary-sector = Przedstawiciel organizacji pozarządowej
vocab-person-role-healthwatch = Przedstawiciel Healthwatch

vocab-contact-method-email = E-mail
vocab-contact-method-phone = Rozmowa telefoniczna
vocab-contact-method-text = SMS
vocab-contact-method-letter = List

vocab-service-area-mental-health = Zdrowie psychiczne
vocab-service-area-maternity = Opieka okołoporodowa
vocab-service-area-children-young-people = Dzieci i młodzież
vocab-service-area-urgent-emergency = Pomoc doraźna i ratunkowa
vocab-service-area-ambulance = Pogotowie ratunkowe
vocab-service-area-primary-care = Lekarze rodzinni (GP) i podstawowa opieka zdrowotna
vocab-service-area-community-health = Środowiskowa opieka zdrowotna
vocab-service-area-hospital-care = Opieka szpitalna
vocab-service-area-adult-social-care = Opieka społeczna dla dorosłych
vocab-service-area-learning-disability-autism = Niepełnosprawność intelektualna i autyzm
vocab-service-area-older-people-dementia = Osoby starsze i demencja
vocab-service-area-long-term-conditions = Choroby przewlekłe
vocab-service-area-cancer = Nowotwory
vocab-service-area-end-of-life = Opieka u kresu życia
vocab-service-area-public-health = Zdrowie publiczne
vocab-service-area-housing = Mieszkalnictwo
vocab-service-area-digital = Usługi cyfrowe

vocab-language-en = angielski
vocab-language-bfi = brytyjski język migowy (BSL)
vocab-language-sq = albański
vocab-language-am = amharski
vocab-language-ar = arabski
vocab-language-bn = bengalski
vocab-language-bg = bułgarski
vocab-language-yue = kantoński
vocab-language-cs = czeski
vocab-language-fa = perski (farsi)
vocab-language-fr = francuski
vocab-language-de = niemiecki
vocab-language-el = grecki
vocab-language-gu = gudźarati
vocab-language-hi = hindi
vocab-language-hu = węgierski
vocab-language-it = włoski
vocab-language-ku = kurdyjski
vocab-language-lt = litewski
vocab-language-ml = malajalam
vocab-language-cmn = mandaryński
vocab-language-ne = nepalski
vocab-language-ps = paszto
vocab-language-pl = polski
vocab-language-pt = portugalski
vocab-language-pa = pendżabski
vocab-language-ro = rumuński
vocab-language-ru = rosyjski
vocab-language-sk = słowacki
vocab-language-so = somalijski
vocab-language-es = hiszpański
vocab-language-sw = suahili
vocab-language-ta = tamilski
vocab-language-te = telugu
vocab-language-ti = tigrinia
vocab-language-tr = turecki
vocab-language-tw = twi
vocab-language-uk = ukraiński
vocab-language-ur = urdu
vocab-language-yo = joruba

vocab-need-contact-email = Kontakt przez e-mail
vocab-need-contact-letter = Kontakt listowny
vocab-need-contact-text = Kontakt przez SMS
vocab-need-contact-phone = Kontakt telefoniczny
vocab-need-contact-text-relay = Kontakt przez usługę przekazu tekstowego
vocab-need-contact-via-carer = Kontakt przez opiekuna
vocab-need-easy-read = Tekst łatwy do czytania (Easy Read)
vocab-need-large-print-20 = Duży druk, co najmniej 20 punktów
vocab-need-large-print-24 = Duży druk, co najmniej 24 punkty
vocab-need-large-print-28 = Duży druk, co najmniej 28 punktów
vocab-need-braille-grade-1 = Alfabet Braille’a, pełny (stopień 1)
vocab-need-braille-grade-2 = Alfabet Braille’a, skrócony (stopień 2)
vocab-need-moon = Alfabet Moona
vocab-need-audio = Nagranie dźwiękowe
vocab-need-information-email = Informacje przez e-mail
vocab-need-electronic-format = Dokument elektroniczny do pobrania
vocab-need-makaton = Informacje w Makatonie
vocab-need-aphasia-accessible = Informacje dostępne dla osób z afazją
vocab-need-verbally = Informacje przekazane ustnie
vocab-need-read-out = Ktoś, kto przeczyta na głos informacje pisemne
vocab-need-bsl-interpreter = Tłumacz brytyjskiego języka migowego (BSL)
vocab-need-sse-interpreter = Tłumacz Sign Supported English
vocab-need-makaton-interpreter = Tłumacz Makatonu
vocab-need-hands-on-signing = Tłumacz języka migowego dotykowego
vocab-need-visual-frame-signing = Tłumacz języka migowego w zawężonym polu widzenia
vocab-need-lipspeaker = Osoba ułatwiająca odczytywanie z ust
vocab-need-speech-to-text = Stenotypista (mowa na tekst)
vocab-need-note-taker = Osoba sporządzająca notatki
vocab-need-deafblind-manual = Tłumacz alfabetu palcowego dla osób głuchoniewidomych
vocab-need-deafblind-block = Tłumacz alfabetu blokowego dla osób głuchoniewidomych
vocab-need-deafblind-haptic = Tłumacz komunikacji haptycznej dla osób głuchoniewidomych
vocab-need-deafblind-guide = Przewodnik-tłumacz dla osób głuchoniewidomych
vocab-need-spoken-interpreter = Tłumacz języka mówionego
vocab-need-advocate = Rzecznik (adwokat wsparcia)
vocab-need-speech-therapist = Wsparcie logopedy
vocab-need-hearing-loop = Pętla indukcyjna
vocab-need-lip-reads = Czyta z ust: mów wyraźnie, twarzą do tej osoby
vocab-need-communication-device = Używa urządzenia do komunikacji
vocab-need-aphasia-friendly = Komunikacja przyjazna osobom z afazją
vocab-need-sighted-guide = Przewodnik dla osoby niewidomej
vocab-need-audible-alert = Powiadomienie dźwiękowe
vocab-need-visual-alert = Powiadomienie wizualne
vocab-need-tactile-alert = Powiadomienie dotykowe
vocab-need-carer-present = Obecność opiekuna
vocab-need-step-free = Dostęp bez schodów
vocab-need-accessible-toilet = Toaleta dla osób z niepełnosprawnościami
vocab-need-changing-places = Toaleta Changing Places
vocab-need-quiet-room = Ciche pomieszczenie
vocab-need-seating = Krzesło z oparciem i podłokietnikami
vocab-need-parking = Miejsce parkingowe dla osób z niepełnosprawnościami blisko wejścia
vocab-need-assistance-dog = Miejsce dla psa asystującego
vocab-need-extra-time = Więcej czasu na udział
vocab-need-breaks = Regularne przerwy
vocab-need-no-early-start = Bez wczesnych godzin rozpoczęcia
vocab-need-short-sessions = Krótsze spotkania
vocab-need-papers-early = Materiały tydzień wcześniej

vocab-consent-purpose-register = Przechowujcie moje dane w rejestrze
vocab-consent-purpose-contact = Kontaktujcie się ze mną w sprawie udziału
vocab-consent-purpose-share-needs = Przekazujcie moje potrzeby osobom prowadzącym działania
vocab-consent-purpose-equality = Przechowujcie moje odpowiedzi o równości
vocab-consent-purpose-guardian = Rodzic lub opiekun zgadza się na udział

vocab-consent-method-written = Na piśmie
vocab-consent-method-online = Online
vocab-consent-method-verbal = Ustnie, osobiście
vocab-consent-method-phone = Przez telefon

vocab-attendance-status-invited = Zaproszenie
vocab-attendance-status-attended = Obecność
vocab-attendance-status-absent = Nieobecność

vocab-member-role-member = Członek
vocab-member-role-chair = Przewodniczący
vocab-member-role-co-chair = Współprzewodniczący
vocab-member-role-vice-chair = Wiceprzewodniczący

vocab-response-status-done = Zrobiliśmy to
vocab-response-status-will-do = Zrobimy to
vocab-response-status-cannot-do = Nie możemy tego zrobić
vocab-response-status-being-considered = Zastanawiamy się nad tym

vocab-outcome-kind-service = Zmiana w usłudze
vocab-outcome-kind-policy = Zmiana zasad
vocab-outcome-kind-decision = Podjęta decyzja
