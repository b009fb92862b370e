## Dlaczego sprawdzenie odrzuciło to, co ktoś wpisał lub wysłał.

why-this-answer = Ta odpowiedź
why-empty = Pole „{ $field }” nie może być puste
why-too-long = Pole „{ $field }” może mieć najwyżej { $max } znaków (ma { $len })
why-control-character = Pole „{ $field }” nie może zawierać znaków sterujących
why-not-email = „{ $given }” nie jest adresem e-mail, takim jak imie@example.org
why-not-phone = „{ $given }” nie jest numerem telefonu, takim jak 020 7946 0000 lub 07700 900123
why-not-postcode = „{ $given }” nie jest kodem pocztowym, takim jak LE1 6WW
why-not-postcode-district = „{ $given }” nie jest okręgiem pocztowym, czyli pierwszą częścią kodu pocztowego, taką jak LE1 lub E8
why-not-charter-key = „{ $given }” nie jest kluczem karty: użyj od 2 do 60 małych liter, cyfr i łączników, na przykład las-pflas
why-out-of-range = Pole „{ $field }” musi mieć wartość od { $min } do { $max } (ma { $given })
why-not-whole-number = Pole „{ $field }” musi być liczbą całkowitą od { $min } do { $max }
why-not-an-id = Pole „{ $field }” musi być identyfikatorem: liczbą całkowitą większą od 0
why-no-such = Nie ma rekordu „{ $noun }” o identyfikatorze { $id }
why-unknown = Pole „{ $field }”: „{ $given }” jest nieznane; użyj jednej z wartości: { $expected }
why-not-date-time = „{ $given }” nie jest datą i godziną: użyj formy 2026-03-14T18:30 (czas londyński)
why-time-does-not-exist = Godzina { $time } w dniu { $date } nie istnieje w Londynie: tej nocy zegary przesuwa się o godzinę do przodu. Wybierz godzinę po 02:00
why-time-happens-twice = Godzina { $time } w dniu { $date } występuje w Londynie dwa razy: tej nocy zegary cofa się o godzinę. Dodaj +01:00 dla pierwszej albo +00:00 dla drugiej
why-not-date = „{ $given }” nie jest datą: użyj formy 2026-03-14
why-date-lacks = Pole „{ $field }” musi zawierać { $part ->
        [day] dzień
        [month] miesiąc
       *[year] rok
    }
why-date-not-real = Pole „{ $field }” musi być prawdziwą datą
why-ends-before-it-starts = Pole „{ $field }” musi być późniejsze niż godzina rozpoczęcia
why-activity-too-long = Działanie może trwać najwyżej { $days } dni
why-in-future = Pole „{ $field }” nie może być datą z przyszłości
why-before-received = Pole „{ $field }” nie może być wcześniejsze niż dzień, w którym ludzie to powiedzieli
why-needs-status = Powiedz, czy zostało to zrobione, zostanie zrobione, czy nie może zostać zrobione
why-needs-response = Napisz, co zostało zrobione, co zostanie zrobione albo dlaczego nie można tego zrobić
why-fed-back-before-response = Zapisz odpowiedź przed datą jej przekazania
why-starts-after-end = Pole „{ $field }” musi być nie później niż koniec okresu
why-unknown-format = Format { $given } jest nieznany: ta wersja czyta format { $known }
why-no-sections = Karta potrzebuje co najmniej jednej części
why-no-commitments = Część potrzebuje co najmniej jednego zobowiązania
why-key-used-twice = Klucz { $what ->
        [section] części
       *[commitment] zobowiązania
    } „{ $key }” jest użyty dwa razy
why-needed-for-contact = Pole „{ $field }” jest potrzebne, aby kontaktować się w wybrany sposób
why-needs-guardian-name = Podaj imię i nazwisko rodzica lub opiekuna, który wyraził zgodę
why-withdrawn-before-given = Pole „{ $field }” nie może być wcześniejsze niż data wyrażenia zgody
why-needs-guardian-consent = Ta osoba ma mniej niż 18 lat i nie ma zapisanej zgody rodzica lub opiekuna
why-file-empty = Plik jest pusty
why-file-too-large = Plik musi być mniejszy niż { $max } MB
why-not-spreadsheet = To nie jest arkusz kalkulacyjny: zapisz go jako CSV (UTF-8) lub jako skoroszyt Excela (.xlsx)
why-not-utf8 = Tekst pliku nie jest w UTF-8: zapisz go jako „CSV UTF-8”
why-file-unreadable = Nie udało się odczytać pliku jako arkusza: { $given }
why-too-many-rows = Plik ma więcej niż { $max } wierszy: podziel go na mniejsze pliki
why-no-header-row = Nie znaleziono wiersza nagłówka: pierwszy wiersz tabeli musi nazywać kolumny, w tym imię i nazwisko osoby
why-merged-cells = Komórki są scalone w wierszach od { $first } do { $last }: rozdziel je, aby każdy wiersz miał własną wartość
why-cell-error = Komórka zawiera błąd arkusza ({ $given }): popraw formułę lub wpisz wartość
why-not-yes-no = „{ $given }” nie jest odpowiedzią tak lub nie
why-same-as-row = Pole „{ $field }” jest takie samo jak w wierszu { $row }: osoba może być w pliku tylko raz
why-needs-signed-date = Podaj datę podpisania przez organizację
why-date-only-when-signed = Tylko podpisana karta ma datę podpisania
why-before-joined = Pole „{ $field }” nie może być wcześniejsze niż dzień dołączenia
why-before-stood-down = Pole „{ $field }” musi być późniejsze niż dzień zawieszenia
why-before-adopted = Pole „{ $field }” nie może być wcześniejsze niż przyjęcie tej wersji ({ $date })
why-session-of-another-course = To szkolenie należy do innego kursu: wybierz szkolenie tego kursu albo żadne
why-no-such-date = „{ $given }” nie jest prawdziwą datą: ten miesiąc nie ma takiego dnia
why-not-known = Pole „{ $field }”: Coproduce nie zna wartości „{ $given }”
why-no-such-column = Plik nie ma kolumny „{ $given }”
why-not-on-roster = Osoby { $id } nie ma na liście osób tego wydarzenia: najpierw zapisz ją jako zaproszoną albo obecną
why-not-money = „{ $given }” nie jest kwotą pieniędzy: wpisz funty i pensy, na przykład 1250.50
why-not-staff-here = { $field } musi być osobą z kontem w tej organizacji
why-own-organisation = { $field } to organizacja prowadząca projekt: wybierz organizację partnerską
why-partner-twice = { $field } podano dwa razy: podaj każdego partnera raz
why-before-last-stage = { $field } nie może być wcześniej niż początek poprzedniego etapu, { $date }
why-not-link = „{ $given }” nie jest adresem internetowym: użyj adresu zaczynającego się od https://, bez spacji
why-too-many = Podaj najwyżej { $max } naraz
why-reminder-not-before = Przypomnienie musi zostać wysłane przed rozpoczęciem spotkania
why-reminder-past = Ten czas już minął: wybierz późniejszy
why-minutes-only-if-came = Czas udziału podaje się tylko dla osoby, która przyszła
why-not-window = „{ $given }” nie jest przedziałem tygodnia: zapisz go jako Mon-Fri 06:30-09:30
why-not-for-this-rule = Ta zasada nie używa tej wartości
why-reason-to-go-ahead = Podaj powód, aby kontynuować: plan narusza { $count ->
    [one] jedną z zasad karty
    [few] { $count } zasady karty
   *[other] { $count } zasad karty
}
why-not-paper-kind = Materiał musi być jednym z tych rodzajów plików: { $given }
why-not-what-it-says = Nazwa pliku wskazuje na { $named }, ale plik to { $found }. Wybierz właściwy plik
why-nothing-answered = Odpowiedz na co najmniej jedno pytanie albo napisz komentarz
why-before-today = Wpisz dzisiejszą albo późniejszą datę
why-needs-network = Wybierz sieć, której członkowie mogą się zgłaszać
why-only-for-network = Sieć wybiera się tylko wtedy, gdy zgłaszać się mogą jej członkowie
why-not-applied = Osoba { $id } nie zgłosiła zainteresowania
why-more-than-places = Wybierz najwyżej { $max }: tyle jest miejsc
why-needs-owner = Wybierz osobę, która odpowiada za tę sprawę
why-needs-will-do-by = Wpisz datę, do kiedy to zrobimy
why-needs-where-from = Wybierz projekt, spotkanie albo ofertę, z której to pochodzi
why-activity-or-opportunity = Wybierz spotkanie albo ofertę, nie jedno i drugie
why-not-of-source = Ta osoba nie brała udziału w tym, z czego to pochodzi ({ $noun })
why-names-a-person = { $field }: zawiera imię i nazwisko ({ $name }), usuń je przed publikacją
why-holds-email = { $field }: zawiera adres e-mail, usuń go przed publikacją
why-holds-phone = { $field }: zawiera numer telefonu, usuń go przed publikacją
why-sent-too-soon = Odpowiedź została wysłana bardzo szybko po otwarciu strony. Aby chronić się przed spamem, prosimy: sprawdź ją i wyślij ponownie
why-form-too-old = Ta strona była otwarta dłużej niż dzień. Sprawdź odpowiedź i wyślij ją ponownie
why-leave-empty = { $field }: to pole musi zostać puste, chroni przed spamem
why-not-key = „{ $given }” nie jest kluczem: użyj małych liter, cyfr i łączników, np. tier-2
why-before-approved = { $field } nie może być wcześniej niż zatwierdzenie, { $date }
