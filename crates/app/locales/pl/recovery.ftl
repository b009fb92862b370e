## Zaproszenia i ustawianie nowego hasła.

reset-heading = Ustaw nowe hasło
reset-intro = Podaj adres e-mail, którym się logujesz. Wyślemy na niego link do ustawienia nowego hasła.
    .easy = Wpisz swój adres e-mail. Wyślemy Ci e-mail. Jest w nim link do nowego hasła.
reset-send = Wyślij link
email-wrong = Wpisz adres e-mail w poprawnej formie, na przykład imie@przyklad.pl
no-email-heading = Poproś administratora
no-email = Ten serwis Coproduce nie może wysyłać e-maili. Poproś administratora swojej organizacji o ustawienie nowego hasła.
check-email-heading = Sprawdź pocztę
check-email-sent = Jeśli { $email } ma konto w Coproduce, wysłaliśmy na ten adres link do ustawienia nowego hasła.
check-email-help = Link działa jeden raz, przez 1 godzinę. Jeśli nic nie przyjdzie, sprawdź folder ze spamem albo poproś administratora.
new-password-heading = Wybierz nowe hasło
welcome-heading = Witamy w Coproduce: wybierz hasło
new-password-intro = Wybierz hasło mające co najmniej 10 znaków. Trzy lub cztery przypadkowe słowa łatwo zapamiętać i trudno odgadnąć.
    .easy = Wymyśl hasło. Użyj 10 lub więcej znaków. Dobrze działają trzy lub cztery przypadkowe słowa.
new-password-label = Nowe hasło
confirm-password-label = Wpisz nowe hasło jeszcze raz
save-password = Zapisz hasło
password-short = Hasło musi mieć co najmniej 10 znaków
password-long = Hasło może mieć najwyżej 200 znaków
password-easy = Hasło jest zbyt łatwe do odgadnięcia: spróbuj trzech lub czterech przypadkowych słów
passwords-differ = Te dwa hasła nie są takie same
link-broken-heading = Ten link nie działa
link-broken = Link został już użyty, wygasł albo nie został skopiowany w całości. Nic nie zostało zmienione.
link-broken-invitation = Jeśli nie wybrałeś jeszcze hasła, poproś osobę, która Cię zaprosiła, o nowe zaproszenie.
link-broken-reset = Możesz poprosić o nowy link.
ask-new-link = Poproś o nowy link
go-to-sign-in = Przejdź do logowania

reset-email-subject = Ustaw nowe hasło do Coproduce
reset-email-body =
    Dzień dobry, { $name },

    Ktoś poprosił o ustawienie nowego hasła do Twojego konta w Coproduce.

    Aby wybrać nowe hasło, otwórz ten link. Działa jeden raz, przez 1 godzinę:
    { $link }

    Jeśli to nie Ty, możesz zignorować tę wiadomość. Twoje hasło się nie zmieniło.
invitation-email-subject = Zaproszenie do Coproduce
invitation-email-body =
    Dzień dobry, { $name },

    Zapraszamy Cię do Coproduce, gdzie Twoja organizacja planuje i zapisuje współtworzenie.

    Aby wybrać hasło, otwórz ten link. Działa jeden raz, przez 7 dni:
    { $link }

    Jeśli nie spodziewałeś się tej wiadomości, możesz ją zignorować.
