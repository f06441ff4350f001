messages-title = Центр сообщений
messages-retention = Сообщения хранятся { $days } дней со дня отправки, затем удаляются.
messages-compose = Написать сообщение
messages-list-title = Ваши обращения
messages-none = Сообщений пока нет. Напишите нам, если у вас есть вопрос по договору.
messages-general = Общий вопрос
messages-unread = новый ответ
messages-last-activity = Последнее сообщение { $when }
messages-expires = Будет удалено { $date }
messages-held = Хранится по решению кредитора
messages-back = Назад к сообщениям
messages-topic = Тема
messages-topic-choose = Выберите тему
messages-topic-payments = Платежи
messages-topic-payoff = Досрочное погашение
messages-topic-lease-end = Окончание лизинга
messages-topic-insurance = Страхование
messages-topic-documents = Документы
messages-topic-account-access = Доступ к кабинету
messages-topic-hardship = Финансовые трудности
messages-topic-other = Другое
messages-contract = Договор
messages-body = Ваше сообщение
messages-body-hint = Не указывайте номера карт и банковских счетов. Ссылки показываются как текст.
messages-count = { $count } из { $max } символов
messages-send = Отправить
messages-sending = Отправляем…
messages-sent-title = Сообщение получено
messages-sent-intro = Мы получили ваше сообщение. Его номер: { $reference }.
messages-sent-next = Мы отвечаем в течение одного рабочего дня. Когда ответ будет готов, мы сообщим по электронной почте; сам ответ будет только здесь, в центре сообщений.
messages-reference = номер
messages-open-thread = Открыть переписку
messages-status-open = Ждёт нашего ответа
messages-status-answered = Есть ответ
messages-status-closed = Закрыто
messages-closed-note = Мы закрыли это обращение. Ответ откроет его снова.
messages-conversation = Переписка
messages-from-lender = Northstar Auto Finance
messages-from-you = Вы
messages-reply = Ваш ответ
messages-send-reply = Отправить ответ
messages-reply-sent = Ответ отправлен в обращение { $reference }.
nav-unread = { $count ->
    [one] { $count } новый ответ
    [few] { $count } новых ответа
   *[other] { $count } новых ответов
}

attach-label = Приложить файл (необязательно)
attach-hint = PDF, PNG, JPEG или HEIC (фото с телефона) · до { $each } МБ каждый, всего до { $total } МБ и { $max } файлов. Файлы хранятся вместе с сообщением.
attach-uploading = Загружается { $name }…
attach-list = Файлы к отправке
attach-remove = Удалить { $name }
attach-remove-short = Удалить
attach-files = Приложенные файлы
messages-file-missing = Этот файл недоступен для этой учётной записи: файлы удаляются вместе с сообщением через 30 дней, а ссылка могла принадлежать другому человеку. Ваши сообщения — ниже.
