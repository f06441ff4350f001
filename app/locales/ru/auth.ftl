# auth (ru)

## Страница входа

login-title = Вход
login-activated = Ваша учётная запись активирована. Пожалуйста, войдите.
login-email-changed = Адрес электронной почты изменён. Войдите с новым адресом.
login-signed-out = Вы вышли из учётной записи.
login-session-ended = Войдите, чтобы продолжить. В целях безопасности сеанс завершается после 15 минут бездействия.
login-resend-activation = Отправить новую ссылку для активации
login-resend-sent = Если эта учётная запись ожидает активации, новая ссылка уже отправлена.
login-email-label = Адрес электронной почты или номер договора
login-email-hint = Указывайте номер договора, только если входите с временным паролем, выданным нами.
login-password-label = Пароль
login-password-required = Введите пароль.
login-submit = Войти
login-submit-busy = Выполняется вход…
login-or = или
login-passkey = Войти с ключом доступа
login-passkey-waiting = Ожидание ключа доступа…
login-forgot-password = Забыли пароль?
login-forgot-username = Забыли имя пользователя?
# После пробела следует ссылка login-create-link.
login-new-here = Впервые у нас?
login-help = Не получается войти? Справочный центр
login-create-link = Создать учётную запись

## Регистрация

register-title = Создание учётной записи
register-lead = На следующем шаге вы привяжете свой договор финансирования. Подготовьте полный идентификационный номер транспортного средства (VIN) и сумму последнего платежа или номер клиента с карты владельца.
# После пробела следует ссылка register-sign-in-link.
register-already = Уже зарегистрированы?
register-sign-in-link = Войти
register-done-title = Проверьте почту
# Адрес (жирным) стоит между register-done-sent-before и register-done-sent-after.
register-done-sent-before = Мы отправили ссылку для активации на адрес
register-done-sent-after = .
# Цитирует тему и кнопку письма об активации.
register-done-open = Откройте письмо «Активируйте вашу учётную запись» и нажмите «Активировать». Ссылка действует один раз в течение 24 часов.
register-done-no-email = Письмо не пришло через несколько минут? Проверьте папку «Спам» или войдите и запросите новую ссылку.
register-done-go-sign-in = Перейти ко входу
register-required-note = Все поля обязательны для заполнения.
register-first-name = Имя
register-last-name = Фамилия
register-email-label = Адрес электронной почты (он станет вашим именем пользователя)
register-password-label = Пароль
register-password-hint = Не менее { $min ->
        [one] { $min } символа
       *[other] { $min } символов
    }; рекомендуем { $rec } или больше. Хорошо подходит фраза из нескольких слов.
# Счётчик под полем пароля во время ввода.
register-password-count-short = { $n ->
        [one] { $n } символ
        [few] { $n } символа
       *[many] { $n } символов
    } — рекомендуем не менее { $rec }.
register-password-count-good = { $n ->
        [one] { $n } символ
        [few] { $n } символа
       *[many] { $n } символов
    } — хорошая длина.
register-confirm-label = Подтвердите пароль
# Скрытое поле-ловушка для роботов.
register-honeypot = Оставьте это поле пустым
# После пробела следует ссылка register-terms-link.
register-terms-before = Я прочитал(а) и принимаю
register-terms-link = Условия использования
register-submit = Зарегистрироваться
register-submit-busy = Создаём учётную запись…

## Страница ссылки для активации

activate-title = Активация учётной записи
activate-go-to-sign-in = Перейти ко входу
# Следует за ссылкой activate-go-to-sign-in и пробелом.
activate-error-after = — если учётная запись ещё не активирована, там можно запросить новую ссылку.
activate-success = Ваша учётная запись активирована. Переходим ко входу…
activate-confirming = Подтверждаем ваш адрес электронной почты…
activate-submit = Активировать учётную запись
activate-submit-busy = Активация…

## Забыли пароль

forgot-password-title = Забыли пароль?
# Адрес (жирным) стоит между двумя частями, после пробела.
forgot-password-sent-before = Если адрес
forgot-password-sent-after = {" "}используется в учётной записи, мы отправили на него ссылку для сброса пароля. Ссылка действует 1 час.
# После пробела следует ссылка forgot-password-back.
forgot-password-no-email = Письма нет? Проверьте папку «Спам».
forgot-password-back = Вернуться ко входу
forgot-password-intro = Введите адрес электронной почты, указанный при регистрации. Мы отправим на него ссылку для выбора нового пароля.
forgot-password-email-label = Адрес электронной почты
forgot-password-submit = Продолжить
forgot-password-submit-busy = Отправка…
forgot-password-which-email = Не помните, какой адрес указывали?

## Сброс пароля

reset-title = Сброс пароля
reset-done = Пароль изменён. В целях безопасности выполнен выход на всех устройствах.
reset-sign-in = Войти
reset-new-link = Запросить новую ссылку
reset-password-label = Новый пароль
reset-password-hint = Не менее { $min ->
        [one] { $min } символа
       *[other] { $min } символов
    }; рекомендуем { $rec } или больше.
reset-confirm-label = Подтвердите новый пароль
reset-submit = Сбросить пароль
reset-submit-busy = Сохранение…

## Забыли имя пользователя

forgot-username-title = Забыли имя пользователя?
forgot-username-contract-required = Введите номер договора.
forgot-username-last-name-required = Введите фамилию.
forgot-username-sent = Если к этому договору привязана учётная запись, мы отправили имя пользователя на её адрес электронной почты.
forgot-username-back = Вернуться ко входу
forgot-username-intro = Ваше имя пользователя — это адрес электронной почты, указанный при регистрации. Введите номер договора и фамилию, и мы отправим напоминание на этот адрес.
forgot-username-contract-label = Номер договора
forgot-username-contract-hint = Указан в договоре и выписках, например LN-2023-004512.
forgot-username-last-name-label = Фамилия
forgot-username-submit = Отправить напоминание
forgot-username-submit-busy = Отправка…

## Страница ссылки для разблокировки

unlock-title = Разблокировка учётной записи
unlock-done = Учётная запись разблокирована. Теперь вы можете войти.
unlock-sign-in = Войти
unlock-reset-instead = Вместо этого сбросить пароль
unlock-progress = Разблокируем…
unlock-submit = Разблокировать учётную запись
unlock-submit-busy = Разблокировка…
