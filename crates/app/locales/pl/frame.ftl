## Ramka wokół każdej strony.

service-name = Coproduce
title-suffix = Coproduce
skip-to-content = Przejdź do treści
menu = Menu
breadcrumb = Ścieżka nawigacji
nav-organisations = Organizacje
nav-charters = Karty
nav-projects = Projekty
nav-opportunities = Możliwości udziału
    .easy = W czym możesz wziąć udział
nav-people = Osoby
nav-networks = Sieci
nav-training = Szkolenia
nav-accounts = Konta
nav-your-account = Twoje konto
sign-in = Zaloguj się
sign-out = Wyloguj się
demo-banner-strong = Wersja demonstracyjna.
demo-banner = Wszystkie organizacje, osoby i spotkania są tu zmyślone, aby pokazać, jak działa Coproduce.
demo-banner-role = Zalogowano jako: { $role }
footer-links = Przydatne linki
footer-api = Opis API (OpenAPI)
footer-accessibility = Deklaracja dostępności
footer-about = Coproduce: otwarte oprogramowanie do współtworzenia usług zdrowotnych i opieki społecznej.
choose-language = Język
easy-read-on = Tekst łatwy do czytania: włącz
easy-read-off = Tekst łatwy do czytania: wyłącz
there-is-a-problem = Wystąpił problem
error-prefix = Błąd:
information-prefix = Informacja:
back-to-account = Wróć do swojego konta
back-to-sign-in = Wróć do logowania

## Strony z informacją o błędzie.

not-found-heading = Nie znaleziono strony
not-found-typed = Jeśli adres strony został wpisany ręcznie, sprawdź, czy jest poprawny.
not-found-pasted = Jeśli adres został wklejony, sprawdź, czy skopiowano go w całości.
    .easy = Sprawdź adres strony. Może być w nim błąd.
error-heading = Przepraszamy, wystąpił problem z serwisem
conflict-heading = Teraz nie można tego zrobić
error-try-later = Spróbuj ponownie później.
error-reference = Jeśli to się powtórzy, powiadom administratora i podaj numer zgłoszenia { $reference }.
forbidden-heading = Nie możesz tego zrobić
forbidden-role = Twoja rola nie pozwala na wyświetlenie tej strony.
forbidden-other-site = To żądanie przyszło z innej strony internetowej, więc go nie wykonano. Nic nie zostało zmienione. Jeśli chcesz to zrobić, wróć do Coproduce i spróbuj ponownie stamtąd.
forbidden-stale-form = Ten formularz jest nieaktualny albo nie pochodzi z Coproduce, więc nic nie zostało zmienione. Wróć, odśwież stronę i spróbuj ponownie.
forbidden-read-token = Ten token API pozwala tylko na odczyt. Utwórz token z prawem do zmian, aby coś zmienić.
form-too-large = Formularz jest za duży, aby go wysłać, więc nic nie zostało zmienione. Wróć i skróć to, co zostało wpisane.
form-unreadable = Nie udało się odczytać formularza, więc nic nie zostało zmienione. Wróć i spróbuj ponownie.
error-go-home = Przejdź do listy organizacji
error-or = albo
error-see-charters = zobacz karty

## Daty: „14 marca 2026”, „wtorek, 14 marca 2026, 18:30”. Miesiące w dopełniaczu.
date = { $day } { $month } { $year }
date-time = { $weekday }, { $date }, { $time }
month-1 = stycznia
month-2 = lutego
month-3 = marca
month-4 = kwietnia
month-5 = maja
month-6 = czerwca
month-7 = lipca
month-8 = sierpnia
month-9 = września
month-10 = października
month-11 = listopada
month-12 = grudnia
weekday-1 = poniedziałek
weekday-2 = wtorek
weekday-3 = środa
weekday-4 = czwartek
weekday-5 = piątek
weekday-6 = sobota
weekday-7 = niedziela
