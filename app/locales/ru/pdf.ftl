## Monthly statement (PDF)

pdf-statement-title = Ежемесячная выписка
pdf-statement-date = Дата выписки
pdf-statement-period = Период выписки
pdf-period-range = { $from } – { $to }
pdf-contract-number = Номер договора
pdf-vehicle = Автомобиль
pdf-vin = VIN
pdf-account-summary = Сводка по счёту
pdf-balance-loan = Остаток основного долга
pdf-balance-lease = Оставшиеся лизинговые платежи
pdf-payments-made = Внесено платежей
pdf-payments-made-value = { $made } из { $term }
pdf-regular-payment = Регулярный ежемесячный платёж
pdf-past-due = Просрочено
pdf-fees-due = Комиссии и пени к оплате
pdf-in-flight = Платежи в обработке (ещё не зачислены)
pdf-amount-due = Сумма к оплате
pdf-due-by = Оплатить до { $date }
pdf-nothing-due = Платежей к оплате нет.
pdf-contract-closed = Договор закрыт; платежей к оплате больше нет.
pdf-activity = Операции за период
pdf-col-date = Дата
pdf-col-description = Описание
pdf-col-status = Статус
pdf-col-amount = Сумма
pdf-col-reference = Номер операции
pdf-no-activity = За этот период платежей и начислений не было.
pdf-statement-note = Вы можете внести платёж в любое время в личном кабинете. Если платёж поступит позднее чем через { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    } после даты платежа, может быть начислена пеня за просрочку.
pdf-questions = Есть вопросы? Напишите нам через центр сообщений в личном кабинете.
pdf-footer = { $number } · Страница { $page } из { $pages } · Northstar Auto Finance

## Letters (PDF)

pdf-letter-paid-title = Подтверждение полного погашения
pdf-letter-lease-title = Подтверждение завершения лизинга
pdf-letter-subject = { $title } — договор { $number }
pdf-letter-greeting = Здравствуйте, { $name }!
pdf-letter-paid-body = Настоящим подтверждаем, что ваш кредитный договор { $number } на автомобиль { $vehicle }, VIN { $vin }, полностью погашен { $date }; остаток задолженности составляет { $zero }, дальнейшие платежи не требуются.
pdf-letter-paid-lien = Мы прекратили залог автомобиля. Если в паспорте транспортного средства (ПТС) или в реестре уведомлений о залоге Northstar Auto Finance всё ещё указан как залогодержатель, сохраните это письмо как подтверждение оплаты.
pdf-letter-lease-body = Настоящим подтверждаем, что ваш договор лизинга { $number } на автомобиль { $vehicle }, VIN { $vin }, завершён { $date }; все лизинговые платежи получены, дальнейшие платежи не требуются.
pdf-letter-lease-next = Сохраните это письмо. Если у вас есть вопросы по договору, напишите нам через центр сообщений в личном кабинете.
pdf-letter-closing = С уважением,
pdf-letter-signature = Служба поддержки клиентов, Northstar Auto Finance

# Прекращение залога, проценты и остаток
pdf-letter-lien-title = Прекращение залога
pdf-letter-lien-to = В регистрационное подразделение ГИБДД
pdf-letter-lien-greeting = По месту требования.
pdf-letter-lien-body = Northstar Auto Finance, залогодержатель описанного ниже автомобиля, прекращает залог этого автомобиля в полном объёме. Кредит по договору { $number }, обеспеченный залогом, полностью погашен { $date }.
pdf-letter-colour = Цвет
pdf-letter-owners = Собственник(и)
pdf-letter-released-on = Залог прекращён
pdf-letter-bought-on = Выкуплен и оплачен
pdf-letter-lien-next = Предъявите это письмо вместе с ПТС, чтобы исключить Northstar Auto Finance из числа залогодержателей, в том числе в реестре уведомлений о залоге.
pdf-letter-lien-signature = Уполномоченное лицо, отдел прекращения залогов, Northstar Auto Finance
pdf-letter-title-title = Передача права собственности
pdf-letter-title-body = Northstar Auto Finance, лизингодатель и собственник описанного ниже автомобиля, передаёт право собственности на него лизингополучателю (лизингополучателям), указанному ниже, который выкупил автомобиль по договору лизинга { $number }; выкупная цена полностью оплачена { $date }.
pdf-letter-title-next = Предъявите это письмо вместе с ПТС, чтобы зарегистрировать автомобиль на своё имя.
pdf-letter-interest-title = Проценты, уплаченные в { $year } году
pdf-letter-interest-body = В { $year } году платежами, зачисленными по вашему кредитному договору { $number } за автомобиль { $vehicle }, VIN { $vin }, уплачено { $interest } процентов.
pdf-letter-interest-payments = Зачислено платежей
pdf-letter-interest-total = Всего уплачено
pdf-letter-interest-principal = В том числе основной долг
pdf-letter-interest-fees = В том числе комиссии и пени
pdf-letter-interest-paid = Проценты, уплаченные в { $year } году
pdf-letter-interest-note = Учтены только платежи, зачисленные в этом году; возвращённый платёж не учитывается. Сохраните это письмо для налоговых целей. Мы не даём налоговых консультаций.
pdf-letter-balance-title = Справка об остатке задолженности
pdf-letter-balance-body = По вашему запросу подтверждаем остаток задолженности по договору { $number } за автомобиль { $vehicle }, VIN { $vin }, на { $today }.
pdf-letter-balance-note = Это не расчёт суммы досрочного погашения: проценты начисляются ежедневно. Сумму, которая закрывает договор в нужный день, можно узнать в разделе досрочного погашения на портале.
pdf-contact = Вопросы? Звоните { $phone } · { $hours }

# Письмо о сумме полного погашения
pdf-payoff-title = Сумма полного погашения
pdf-payoff-subject = Полное погашение договора { $number }, действует до { $date }
pdf-payoff-body = По вашему запросу сообщаем сумму, которая полностью погашает кредитный договор { $number } за { $vehicle }, VIN { $vin }, если она поступит к нам не позднее { $date }.
pdf-payoff-lease-body = По вашему запросу сообщаем цены выкупа автомобиля { $vehicle }, VIN { $vin }, по договору лизинга { $number }.
pdf-payoff-principal = Основной долг
pdf-payoff-interest-to = Проценты, начисленные на { $date }
pdf-payoff-days = Проценты за день: дней — { $days } × { $perdiem }
pdf-payoff-fees = Комиссии к оплате
pdf-payoff-credits = Уже запланированные платежи
pdf-payoff-total = Сумма полного погашения до { $date }
pdf-payoff-per-diem = Проценты растут примерно на { $perdiem } в день. Если деньги поступят позже даты действия, запросите новый расчёт.
pdf-payoff-remaining = Оставшиеся платежи: { $count } × { $amount }
pdf-payoff-residual = Остаточная стоимость
pdf-payoff-unearned = Ещё не начисленная арендная плата
pdf-payoff-option-fee = Сбор за выкуп
pdf-payoff-buyout-total = Цена выкупа сегодня
pdf-payoff-maturity-total = Цена выкупа по окончании (с налогом)
pdf-payoff-where = Куда платить
pdf-payoff-reference = Назначение платежа (обязательно)
pdf-payoff-after = После поступления суммы погашения мы пришлём подтверждение полного погашения и снимем залог. Переплата будет вам возвращена.
