## Documents page

documents-title = Документы
documents-intro = Ежемесячные выписки и письма по каждому вашему договору — в виде файлов PDF на том языке, который вы используете здесь.
documents-missing = Этот файл недоступен для этой учётной записи: ссылка могла устареть или принадлежать другому человеку. Ваши документы — ниже.
documents-statements = Ежемесячные выписки
documents-letters = Письма
documents-statement-link = Выписка за { $month }
documents-pdf = PDF
documents-no-statements = Первая выписка появится здесь после окончания месяца, в котором был внесён ваш первый платёж.
documents-no-letters = Писем пока нет. Когда договор будет полностью погашен, здесь появится письмо с подтверждением.
documents-letter-paid-in-full = Письмо о полном погашении
documents-letter-lease-completed = Письмо о завершении лизинга
documents-letter-closed-on = договор закрыт { $date }
documents-none = У вас ещё нет привязанных договоров, поэтому документов пока нет.
documents-link-contract = Привязать договор
documents-show-all = { $n ->
        [one] Показать все { $n } выписку
        [few] Показать все { $n } выписки
        [many] Показать все { $n } выписок
       *[other] Показать все { $n } выписки
    }
documents-show-fewer = Свернуть список выписок
documents-kept = Здесь хранятся все ежемесячные выписки с первого месяца каждого договора, в том числе по погашенным договорам.
documents-letter-lien-release = Письмо о прекращении залога
documents-letter-interest = Проценты, уплаченные в { $year } году
documents-letter-balance = Справка об остатке задолженности
documents-letter-for-taxes = для налоговых целей
documents-letter-as-of = на { $date }
documents-issued-note = Каждая выписка хранится в том виде, в каком была выпущена: при повторной загрузке вы получите тот же файл.
documents-letter-title-release = Письмо о передаче права собственности
