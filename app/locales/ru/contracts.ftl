# contracts (ru)

## Shared by the dashboard, details, schedule and history pages

contracts-kind-loan = Кредит
contracts-kind-lease = Лизинг
contracts-co-borrower = Созаёмщик
contracts-vehicle-and-number = { $vehicle } · Договор { $number }
contracts-download-csv = Скачать CSV
contracts-print = Распечатать всё
contracts-col-status = Статус
contracts-col-interest = Проценты
contracts-col-rent-charge = Плата за финансирование
contracts-col-principal = Основной долг
contracts-col-depreciation = Амортизация
contracts-col-tax = Налог
contracts-pages-label = Страницы
contracts-previous = Предыдущая
contracts-next = Следующая
contracts-page-of = Страница { $page } из { $pages }

## Schedule row status

contracts-row-paid = Оплачено
contracts-row-paid-late = Оплачено с опозданием
contracts-row-past-due = Просрочено
contracts-row-due = К оплате
contracts-row-pending = Платёж в обработке
contracts-row-projected = Запланировано

## Transaction type and status

contracts-txn-payment = Платёж
contracts-txn-fee = Комиссия
contracts-txn-late-charge = Пеня за просрочку
contracts-txn-adjustment = Корректировка
contracts-txn-pending = В обработке
contracts-txn-posted = Проведено
contracts-txn-returned = Возвращено

## What a transaction was (TxnNote codes)

txn-note-online-payment = Онлайн-платёж
txn-note-final-payoff = Досрочное погашение
txn-note-late-charge = Пени за просрочку
txn-note-extra-miles = Куплены дополнительные мили
txn-note-returned-payment-fee = Комиссия за возврат платежа
txn-note-returned-nsf = Платёж возвращён: недостаточно средств

## Dashboard

dashboard-title = Главная
dashboard-another-contract = Есть другой договор на ваше имя?
dashboard-link-another = Привязать ещё один договор
dashboard-link-title = Привяжите договор
dashboard-link-text = Чтобы видеть остаток задолженности, платежи и документы, привяжите договор финансирования к этой учётной записи. Понадобятся полный идентификационный номер автомобиля (VIN) и точная сумма последнего платежа — или номер клиента с карточки владельца.
dashboard-link-button = Привязать договор
dashboard-balance = Остаток долга
dashboard-remaining-payments = Оставшиеся платежи
dashboard-next-due-on = { $amount } до { $date }
dashboard-closed = Погашен · закрыт
dashboard-card-hint = { $colour } · Договор { $number } · VIN …{ $vin }
dashboard-past-due = Просрочено: { $amount }
dashboard-past-due-note = — включая пени за просрочку. Пожалуйста, внесите платёж сейчас, чтобы избежать дальнейших начислений, или напишите нам, если вам нужна помощь.
dashboard-next-payment = Следующий платёж
dashboard-due-today = Срок сегодня
dashboard-nothing-due = Нет платежей к оплате
dashboard-in-flight = Платёж { $amount } в обработке, будет зачислен { $date }
dashboard-scheduled = Платёж { $amount } запланирован на { $date }
dashboard-autopay = Автоплатёж
dashboard-autopay-on = Включён
dashboard-autopay-off = Выключен
dashboard-autopay-detail = Включён — списание { $date } с { $source }
dashboard-autopay-manage = Автоплатёж
dashboard-actions-for = Действия: { $vehicle }
dashboard-pay = Оплатить
dashboard-payoff-quote = Сумма досрочного погашения
dashboard-buyout-quote = Стоимость выкупа
dashboard-details = Подробнее
dashboard-messages = Сообщения

## Contract details

detail-tabs-label = Договор
detail-tab-details = Сведения
detail-tab-schedule = График платежей
detail-tab-history = История
detail-page-title = Сведения о договоре
detail-error-title = Договор
detail-back-to-dashboard = Вернуться на главную
detail-hint = { $kind } · Договор { $number } · VIN { $vin }
detail-terms = Условия договора
detail-apr = Полная стоимость кредита, % годовых (ПСК)
detail-apr-value = { $rate } %
detail-money-factor = Лизинговый коэффициент (money factor)
detail-adjusted-cap-cost = Скорректированная капитализированная стоимость
detail-amount-financed = Сумма кредита
detail-monthly-payment = Ежемесячный платёж
detail-term = Срок
detail-term-months = { $n ->
        [one] { $n } месяц
        [few] { $n } месяца
       *[many] { $n } месяцев
    }
detail-contract-date = Дата договора
detail-first-due = Дата первого платежа
detail-due-day = День платежа
detail-due-day-value = { $day }-е число каждого месяца
detail-maturity = Дата окончания договора
detail-residual = Остаточная стоимость
detail-purchase-price = Цена выкупа по окончании договора (с учётом комиссии и налога)
detail-mileage = Допустимый пробег
# $miles is $n already written with digit grouping.
detail-miles = { $n ->
        [one] { $miles } миля
        [few] { $miles } мили
       *[many] { $miles } миль
    }
detail-standing = Текущее состояние
detail-payments-made = Внесено платежей
detail-payments-remaining = Осталось платежей
detail-remaining-total = Сумма оставшихся платежей
detail-principal-balance = Остаток основного долга
detail-past-due = Просрочено
detail-fees-due = Комиссии к оплате
detail-in-flight = Платежи в обработке
detail-parties = Участники договора
detail-primary-borrower = Основной заёмщик
detail-lessee = Лизингополучатель
detail-co-lessee = Созаёмщик по лизингу

## Payment schedule

schedule-title = График платежей
schedule-caption = { $total ->
        [one] { $total } платёж
        [few] { $total } платежа
       *[many] { $total } платежей
    } · страница { $page } из { $pages }
schedule-col-number = №
schedule-col-due-date = Дата платежа
schedule-col-payment = Платёж
schedule-col-balance-after = Остаток после платежа

## Payment history

history-title = История платежей
history-empty = Операций пока нет.
history-caption = { $total ->
        [one] { $total } операция
        [few] { $total } операции
       *[many] { $total } операций
    } · страница { $page } из { $pages }
history-col-date = Дата
history-col-type = Операция
history-col-amount = Сумма
history-col-fees = Комиссии
history-col-reference = Номер операции

## Balance chart (the label is read by screen readers)

chart-label = Остаток долга за срок договора: сумма финансирования { $financed }, внесено { $paid } из { $total ->
        [one] { $total } платежа
       *[other] { $total } платежей
    }, осталось { $left }.
chart-label-ending = Остаток долга за срок договора: сумма финансирования { $financed }, внесено { $paid } из { $total ->
        [one] { $total } платежа
       *[other] { $total } платежей
    }, осталось { $left }, окончание — { $end }.
chart-paid = Оплачено
chart-scheduled-balance = Плановый остаток

## Оплата из другого банка (страница договора): счёт кредитора в стране договора

transfer-title = Оплата из другого банка
transfer-instructions = Переведите платёж на счёт ниже и укажите в назначении платежа номер договора { $number }, иначе платёж не удастся зачислить по вашему договору. Перевод поступает к нам в течение { $days ->
        [one] { $days } рабочего дня
       *[other] { $days } рабочих дней
    }, поэтому отправьте его заранее, чтобы он поступил до даты платежа.
transfer-payee = Получатель
transfer-bank = Банк
transfer-account-number = Номер счёта
transfer-us-routing = Маршрутный номер ABA (routing number)
transfer-us-account-type = Тип счёта
transfer-us-checking = Текущий (checking)
transfer-us-savings = Сберегательный (savings)
transfer-ca-institution = Номер финансового учреждения (institution)
transfer-ca-transit = Номер отделения (transit)
transfer-ru-inn = ИНН получателя
transfer-ru-kpp = КПП получателя
transfer-ru-bank = Банк получателя
transfer-ru-bik = БИК
transfer-ru-corr = Корр. счёт
transfer-ru-account = Расчётный счёт
transfer-reference = Назначение платежа (номер договора)
transfer-amount-due = К оплате сейчас
detail-request-change = Попросить изменение (досрочное погашение, дата платежа, отсрочка…)
