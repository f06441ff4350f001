## Бэк-офис (сотрудники)

bo-title = Бэк-офис
bo-role-agent = Оператор
bo-role-supervisor = Руководитель
bo-role-admin = Администратор
bo-login-title = Вход для сотрудников
bo-login-intro = Только для сотрудников Northstar. Все ваши действия записываются.
bo-login-email = Рабочий адрес электронной почты
bo-login-code = Код из приложения-аутентификатора
bo-login-code-hint = Шестизначный код из вашего приложения-аутентификатора.
bo-login-failed = Неверный адрес электронной почты, пароль или код аутентификатора.
bo-search-title = Поиск клиента
bo-search-label = Имя, адрес электронной почты, номер договора, VIN или номер клиента
bo-search-hint = Достаточно части имени или адреса электронной почты; номер договора, VIN и номер клиента нужно вводить полностью.
bo-search-submit = Найти
bo-search-none = По этому запросу ничего не найдено.
bo-search-customers = Клиенты личного кабинета
bo-search-contracts = Договоры
bo-col-name = Имя
bo-col-email = Электронная почта
bo-col-contracts = Договоры
bo-col-sign-in = Вход
bo-col-contract = Договор
bo-col-vehicle = Автомобиль
bo-col-borrower = Основной заёмщик
bo-col-portal = Учётная запись в кабинете
bo-col-when = Когда
bo-col-event = Событие
bo-col-result = Результат
bo-col-from = Откуда
bo-locked = Заблокирован
bo-not-locked = Не заблокирован
bo-locked-until = Заблокирован до { $time }
bo-open-customer = Открыть карточку клиента
bo-not-registered = Не зарегистрирован.
bo-customer-title = Карточка клиента
bo-account = Учётная запись
bo-registered = Дата регистрации
bo-activated = Адрес электронной почты подтверждён
bo-two-step = Двухэтапный вход
bo-sessions = Активные сеансы
bo-phone = Телефон
bo-language = Язык
bo-yes = Да
bo-no = Нет
bo-unlock = Разблокировать вход
bo-unlock-confirm = Снять блокировку из-за неверного пароля, чтобы клиент мог войти прямо сейчас?
bo-end-sessions = Завершить все сеансы
bo-end-sessions-confirm = Завершить все сеансы этого клиента на всех устройствах?
bo-reset-methods = Сбросить способы входа
bo-reset-methods-reason = Причина (что сообщил клиент, как мы проверили его личность)
bo-reset-methods-confirm = Удалить приложение-аутентификатор, ключи доступа, коды восстановления и настройку кода при входе и завершить все сеансы
bo-reset-methods-hint = Для клиента, потерявшего второй фактор: после этого временный пароль сможет заново настроить его учётную запись. Клиенту придёт письмо.
bo-yes-do-it = Да, выполнить
bo-cancel = Отмена
bo-working = Выполняется…
bo-done = Готово. Номер операции: { $reference }.
bo-reference = номер операции
bo-no-contracts = К этой учётной записи не привязан ни один договор.
bo-contract-money = Остаток долга: { $balance } · просрочено: { $past_due }
bo-events = Последние события входа
bo-ok = Успешно
bo-failed = Неудачно
bo-actions-history = Действия сотрудников с этой учётной записью
bo-no-actions = Действий сотрудников пока нет.
bo-temp-password-issue = Выдать временный пароль
bo-temp-password-confirm = Выдать временный пароль по договору { $number }? Выданный ранее временный пароль перестанет действовать.
bo-temp-password-is = Временный пароль:
bo-temp-password = временный пароль
bo-temp-password-until = Действует до { $time }. Сообщите его клиенту по телефону, предварительно убедившись в его личности; клиент входит по номеру договора, после чего должен задать собственные адрес электронной почты и пароль.
bo-status-active = Действует
bo-status-paid-off = Погашен
bo-status-closed = Закрыт
bo-action-unlock = Вход разблокирован
bo-action-end-sessions = Выход на всех устройствах
bo-action-reset-methods = Способы входа сброшены
bo-action-temporary-password = Выдан временный пароль
bo-back-to-search = ← Назад к поиску
bo-contact = Контактные данные
bo-address = Почтовый адрес
bo-none-on-file = Не указан
bo-mobile = Мобильный телефон
bo-back-to-customer = ← Назад к карточке: { $name }
bo-contract-title = Договор
bo-contract-heading = Договор { $number }
bo-contract-logins = Учётные записи портала, к которым привязан договор
bo-contract-no-logins = Договор не привязан ни к одной учётной записи портала.
bo-contract-name-mismatch = Проверьте, кто это: имя в учётной записи ({ $login }) не совпадает с именем в договоре ({ $party }).
bo-contract-documents = Документы, доступные клиенту для скачивания
bo-contract-schedule-caption = { $total ->
    [one] { $total } платёж
    [few] { $total } платежа
   *[many] { $total } платежей
}
bo-contract-history-caption = { $total ->
    [one] { $total } операция
    [few] { $total } операции
   *[many] { $total } операций
}
bo-col-excess = Переплата
bo-notes = Заметки
bo-note-label = Новая заметка
bo-note-hint = Что сказал клиент или что вы сделали. Не более { $max } символов; заметку нельзя изменить или удалить.
bo-note-add = Добавить заметку
bo-no-notes = Заметок пока нет.
bo-action-add-note = Добавлена заметка
bo-recent-title = Недавно открытые вами карточки клиентов

## Payments in the customer file

bo-payments = Платежи
bo-cancel-payment = Отменить этот платёж…
bo-cancel-reason = Причина отмены (клиенту сообщат)
bo-cancel-payment-confirm = Отменить платёж
bo-keep-payment = Оставить
bo-action-cancel-payment = Отменён запланированный платёж
bo-payoff-returned = Платёж { $reference } для полного погашения возвращён банком клиента: договор снова открыт, клиенту отправлено письмо.
bo-refund-due = Клиенту причитается возврат: { $amount } (переплата сверх суммы погашения).
bo-autopays = Автоплатежи
bo-autopay-none = Автоплатежей нет.
bo-autopay-next = Следующее списание { $date } (за { $days } дн. до срока)
