## Strony dostępne dla wszystkich.

home-heading = Współtworzenie, które można pokazać
home-intro = Coproduce zapisuje, jak Twoja organizacja angażuje osoby korzystające z jej usług, i sprawdza, czy dotrzymuje obietnic zapisanych w karcie współtworzenia.
    .easy = Coproduce pomaga ludziom i usługom pracować razem. Pokazuje, czy usługa dotrzymuje obietnic.
home-organisations = Organizacje
home-none = Nie ma jeszcze żadnych organizacji.
pagination = Strony
next = Dalej
more-organisations = Więcej organizacji

charters-heading = Karty
charters-intro = Karta opisuje, czego mogą się spodziewać osoby biorące udział, i co obiecują organizacje, które ją podpisują. Każda wersja jest przechowywana.
    .easy = Karta to lista obietnic. Organizacja ją podpisuje. Obiecuje pracować razem z ludźmi, którzy korzystają z jej usług.
charters-none = Nie przyjęto jeszcze żadnej karty.
charters-table = Wersje kart
charter-column = Karta
version-column = Wersja
feedback-column = Informacja zwrotna w ciągu
days = { $n } dni
templates-heading = Wbudowane wzory
templates-intro = Coproduce zawiera te karty, spisane z dokumentów źródłowych i gotowe do przyjęcia:

charter-caption = Karta, wersja { $version }
charter-source = Źródło
charter-feedback = Informacja zwrotna dla ludzi w ciągu
charter-review = Przegląd co najmniej co
months = { $n } mies.
charter-commitments = Zobowiązania
charter-commitment-count = { $n } w { $sections } częściach
signatories = Sygnatariusze
    .easy = Kto podpisał
signatories-none = Nikogo jeszcze nie zaproszono do podpisania tej wersji.
signatories-table = Organizacje zaproszone do podpisania
organisation-column = Organizacja
status-column = Stan
signed-column = Podpisano
not-yet = Jeszcze nie
rung-tag = Szczebel: { $rung }
measured-tag = Mierzone: { $indicator }
source-ref = Źródło: { $reference }

accessibility-heading = Deklaracja dostępności
accessibility-intro = Chcemy, aby z Coproduce mogło korzystać jak najwięcej osób. Powinno być możliwe:
    .easy = Chcemy, aby każdy mógł korzystać z Coproduce. Możesz:
accessibility-zoom = powiększenie tekstu do 400% i czytanie każdej strony na małym ekranie
accessibility-keyboard = korzystanie z każdej strony wyłącznie za pomocą klawiatury
accessibility-screen-reader = korzystanie z każdej strony za pomocą czytnika ekranu
accessibility-no-js = korzystanie z każdej strony bez JavaScriptu
accessibility-easy-read = włączenie tekstu łatwego do czytania, który jest większy i prostszy
accessibility-language = czytanie stron dla uczestników po angielsku lub po polsku
accessibility-how-heading = Jak to sprawdzamy
accessibility-how = Każda strona, w każdym swoim stanie, jest sprawdzana według wytycznych WCAG 2.2 na poziomach A i AA narzędziem axe-core w prawdziwej przeglądarce. Strony są sprawdzane na ekranie o szerokości 320 pikseli i przy użyciu samej klawiatury, przy każdej zmianie oprogramowania.
accessibility-status-heading = Stan dostępności
accessibility-status = Uważamy, że Coproduce spełnia wymagania WCAG 2.2 na poziomie AA. Automatyczne testy nie wykrywają wszystkich problemów, dlatego chętnie przyjmujemy zgłoszenia od użytkowników.
accessibility-contact-heading = Zgłoś problem
accessibility-contact = Jeśli coś nie działa, powiedz o tym zespołowi ds. zaangażowania w organizacji, która Cię zaprosiła. Może on zgłosić problem do naprawy, a w międzyczasie przekazać Ci potrzebne informacje w inny sposób.
accessibility-enforcement-heading = Jeśli nie jesteś zadowolony z odpowiedzi
accessibility-enforcement = Za egzekwowanie przepisów o dostępności odpowiada Komisja ds. Równości i Praw Człowieka (EHRC). Jeśli nie jesteś zadowolony z odpowiedzi na skargę, skontaktuj się z Equality Advisory and Support Service (EASS).

## Nazwy rzeczy, jako listy wartości.

vocab-organisation-kind-nhs-trust = Jednostka NHS
vocab-organisation-kind-ambulance-service = Pogotowie ratunkowe
vocab-organisation-kind-local-authority = Samorząd lokalny
vocab-organisation-kind-integrated-care-board = Zintegrowana rada opieki
vocab-organisation-kind-healthwatch = Healthwatch
vocab-organisation-kind-voluntary-sector = Organizacja pozarządowa
vocab-organisation-kind-patients-forum = Forum pacjentów
vocab-organisation-kind-national-body = Instytucja krajowa
vocab-rung-coercion = Przymus
vocab-rung-educating = Edukowanie
vocab-rung-informing = Informowanie
vocab-rung-consultation = Konsultacja
vocab-rung-engagement = Zaangażowanie
vocab-rung-co-design = Współprojektowanie
vocab-rung-co-production = Współtworzenie
vocab-commitment-kind-commitment = Zobowiązanie
vocab-commitment-kind-right = Prawo
vocab-commitment-kind-responsibility = Obowiązek
vocab-commitment-kind-principle = Zasada
vocab-commitment-kind-rule = Reguła
vocab-commitment-kind-rung = Szczebel drabiny
vocab-signatory-status-invited = Zaproszona
vocab-signatory-status-signed = Podpisała
vocab-signatory-status-declined = Odmówiła
vocab-indicator-feedback-within-days = Informacja zwrotna w uzgodnionym terminie
