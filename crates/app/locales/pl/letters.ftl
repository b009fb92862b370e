## Co Coproduce wysyła ludziom o spotkaniach, na które są zaproszeni.

letter-greeting = Dzień dobry, { $name },
    .easy = Cześć, { $name },
letter-when = Kiedy: { $when }
letter-when-span = { $start } do { $end }
letter-where = Gdzie: { $where }
letter-online = Dołącz przez internet: { $link }
    .easy = Aby dołączyć na komputerze lub telefonie, użyj tego linku: { $link }
letter-reply = Daj nam znać, czy przyjdziesz: { $link }
    .easy = Czy możesz przyjść? Daj nam znać. Użyj tego linku: { $link }
letter-reply-until = Ten link działa do końca spotkania. Do tego czasu możesz zmienić odpowiedź.
    .easy = Link działa do końca spotkania. Możesz zmienić odpowiedź.
letter-calendar = Spotkanie jest dołączone do tej wiadomości, więc możesz dodać je do swojego kalendarza.
    .easy = Możesz dodać spotkanie do kalendarza. Jest w tej wiadomości.
letter-ground-rules = Zasady tego spotkania, których wszyscy się trzymamy:
    .easy = Na spotkaniu wszyscy trzymamy się tych zasad:
letter-help = Jeśli potrzebujesz czegoś, aby wziąć udział, daj nam znać.
    .easy = Potrzebujesz pomocy, aby wziąć udział? Daj nam znać.
letter-sign-off = Od: { $organisation }

invite-subject = Zaproszenie: { $title }
invite-intro = { $organisation } zaprasza Cię na spotkanie: { $title }.
    .easy = Zapraszamy Cię na spotkanie. Nazywa się { $title }. Prowadzi je { $organisation }.

waiting-subject = Jesteś na liście oczekujących: { $title }
waiting-intro = Na spotkanie { $title } nie ma już miejsc, więc jesteś na liście oczekujących. Jeśli zwolni się miejsce, wyślemy Ci zaproszenie.
    .easy = Na spotkaniu { $title } nie ma już miejsc. Jesteś na liście oczekujących. Jeśli ktoś nie przyjdzie, zaprosimy Ciebie.

changed-subject = Zmiana: { $title }
changed-intro = Coś się zmieniło w spotkaniu { $title }. Oto aktualne informacje.
    .easy = Zmieniliśmy spotkanie { $title }. Przeczytaj nowe informacje.

cancelled-subject = Odwołane: { $title }
cancelled-intro = Spotkanie { $title } w dniu { $when } jest odwołane. Przepraszamy.
    .easy = Spotkania { $title } nie będzie. Miało być { $when }. Przepraszamy.

reminder-subject = Przypomnienie: { $title }
reminder-intro = Przypominamy, że wkrótce odbędzie się spotkanie { $title }.
    .easy = Pamiętaj: wkrótce jest spotkanie { $title }.

papers-subject = Materiały na spotkanie { $title }
    .easy = Materiały do przeczytania: { $title }
papers-intro = Materiały na spotkanie { $title } są gotowe. Możesz je przeczytać przed spotkaniem.
    .easy = Oto materiały na spotkanie { $title }. Przeczytaj je przed spotkaniem.
letter-papers = Przeczytaj materiały tutaj: { $link }
    .easy = Aby przeczytać materiały, użyj tego linku: { $link }
letter-papers-format = Jeśli potrzebujesz materiałów w innej formie, na przykład w wersji łatwej do czytania, dużym drukiem lub w formie nagrania, daj nam znać.
    .easy = Potrzebujesz materiałów w innej formie? Na przykład łatwy tekst, duży druk albo nagranie. Daj nam znać.

feedback-subject = Jak minęło spotkanie { $title }?
    .easy = Opowiedz nam o spotkaniu { $title }
feedback-intro = Dziękujemy za udział w spotkaniu { $title }. Powiedz nam, jak było: trzy krótkie pytania i miejsce na inne uwagi.
    .easy = Dziękujemy za udział w spotkaniu { $title }. Odpowiedz na 3 krótkie pytania.
feedback-link = Odpowiedz tutaj: { $link }
    .easy = Użyj tego linku, aby odpowiedzieć: { $link }
feedback-anonymous = Możesz nie podawać swojego imienia i nazwiska.
    .easy = Nie musisz mówić, kim jesteś.

opportunity-invited-subject = Zaproszenie do zgłoszenia się: { $title }
    .easy = Czy chcesz wziąć udział w { $title }?
opportunity-invited-intro = Zapraszamy Cię do zgłoszenia, czy chcesz wziąć udział w { $title }.
    .easy = Chcemy, żebyś wziął udział w { $title }. Powiedz nam, czy chcesz.
opportunity-closes-on = Zgłoszenia przyjmujemy do { $date }.
    .easy = Powiedz nam do { $date }.
opportunity-link = Przeczytaj więcej i zgłoś się tutaj: { $link }
    .easy = Żeby przeczytać i dać nam znać, użyj tego linku: { $link }
opportunity-or-contact = Jeśli nie masz konta, odpowiedz na ten e-mail albo skontaktuj się z { $organisation }, a zapiszemy Twoje zgłoszenie.
    .easy = Nie masz konta? Odpowiedz na ten e-mail. Albo napisz do { $organisation }. Pomożemy Ci.
opportunity-chosen-subject = Zostałeś wybrany: { $title }
    .easy = Dobra wiadomość o { $title }
opportunity-chosen = Dziękujemy za zgłoszenie do { $title }. Z przyjemnością informujemy, że zostałeś wybrany. Wkrótce napiszemy, co będzie dalej.
    .easy = Dziękujemy, że chcesz wziąć udział w { $title }. Dobra wiadomość: masz miejsce. Powiemy Ci, co będzie dalej.
opportunity-not-chosen-subject = W sprawie { $title }
    .easy = W sprawie { $title }
opportunity-not-chosen = Dziękujemy za zgłoszenie do { $title }. Tym razem nie zostałeś wybrany. Dziękujemy za Twój czas i zapraszamy do innych możliwości.
    .easy = Dziękujemy, że chcesz wziąć udział w { $title }. Tym razem nie masz miejsca. Dziękujemy.
opportunity-see-more = Inne otwarte możliwości znajdziesz tutaj: { $link }
    .easy = Możesz wziąć udział w innych rzeczach. Zobacz je tutaj: { $link }

## Co stało się z tym, co powiedziałeś
said-subject = Co zrobiliśmy z tym, co nam powiedziałeś
    .easy = Co zrobiliśmy z tym, co powiedziałeś
said-you-told-us = { $date } powiedziałeś nam: „{ $said }”
    .easy = { $date } powiedziałeś: „{ $said }”
said-done = Zrobiliśmy coś w tej sprawie:
    .easy = Zrobiliśmy to. Oto co zrobiliśmy:
said-will-do = Zrobimy coś w tej sprawie do { $date }:
    .easy = Zrobimy to do { $date }. Oto co zrobimy:
said-cannot-do = Nie możemy tego zrobić. Oto dlaczego:
    .easy = Nie możemy tego zrobić. Oto dlaczego:
said-being-considered = Nadal się nad tym zastanawiamy. Powiemy Ci, gdy podejmiemy decyzję:
    .easy = Nadal o tym myślimy. Powiemy Ci, co postanowimy.
said-see-more = Wszystko, co nam powiedziałeś, i co się z tym stało, zobaczysz na { $link }
    .easy = Co powiedziałeś i co zrobiliśmy, zobaczysz na { $link }
