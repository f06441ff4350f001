# factors (ru)

## Two-step sign-in page
factors-page-title = Двухэтапный вход
factors-intro = Второй этап защищает вашу учётную запись, даже если кто-то узнает ваш пароль. Пока он не настроен, при каждом входе с нового устройства мы отправляем код на вашу электронную почту.

## Recovery codes shown once
recovery-shown-title = Сохраните резервные коды
recovery-shown-info = Эти десять кодов показываются только сейчас. Каждый из них позволяет один раз войти, если вы потеряете телефон или ключ доступа. Распечатайте их или сохраните в менеджере паролей.
# What the copy button copies (its label reads "Копировать …"): accusative.
recovery-copy-what = резервные коды
recovery-saved-button = Коды сохранены

## Authenticator app
totp-title = Приложение-аутентификатор
totp-added = Приложение-аутентификатор добавлено
totp-removed = Приложение-аутентификатор удалено
totp-on-badge = Включено
totp-on-text = При входе запрашивается 6-значный код из приложения.
totp-removing = Удаление…
totp-remove = Удалить приложение-аутентификатор
totp-intro = Используйте приложение, например Google Authenticator, Microsoft Authenticator или 1Password: оно создаёт новый код каждые 30 секунд.
totp-preparing = Подготовка…
totp-set-up = Настроить приложение-аутентификатор
totp-step-scan = Отсканируйте этот QR-код в приложении-аутентификаторе.
totp-qr-label = QR-код для приложения-аутентификатора
totp-step-key = Не удаётся отсканировать? Введите в приложении этот ключ:
# What the copy button copies (its label reads "Копировать …"): accusative.
totp-copy-what = ключ настройки
totp-step-code = Введите 6-значный код, который показывает приложение.
totp-code-label = Код из приложения
totp-turn-on = Включить
totp-checking = Проверка…

## Passkeys
passkey-removed = Ключ доступа удалён
passkey-added = Ключ доступа добавлен
passkey-title = Ключи доступа
passkey-intro = Входите по отпечатку пальца, лицу или PIN-коду устройства вместо пароля. Ключи доступа защищены от фишинга и не могут быть использованы на другом сайте.
passkey-none = У вас пока нет ключей доступа.
passkey-remove-label = Удалить ключ доступа { $name }
passkey-added-on = Добавлен { $date }
passkey-last-used = последнее использование { $date }
passkey-remove = Удалить
passkey-name-label = Название нового ключа доступа (необязательно)
passkey-name-hint = Например, «Мой телефон» или «Рабочий ноутбук».
passkey-add = Добавить ключ доступа
passkey-waiting = Ожидание вашего устройства…

## Recovery codes
recovery-title = Резервные коды
recovery-left = { $n ->
        [one] Остался { $n } код из 10.
        [few] Осталось { $n } кода из 10.
       *[many] Осталось { $n } кодов из 10.
    } Используйте один из них для входа, если потеряете телефон или ключ доступа.
recovery-making = Создание кодов…
recovery-make-new = Создать новые коды
recovery-none = Вы получите десять резервных кодов, когда добавите приложение-аутентификатор или ключ доступа.

## A code at every sign-in
otp-saved = Настройка кода входа сохранена
otp-title = Код при каждом входе
otp-strong-hint = Пока настроено приложение-аутентификатор или ключ доступа, вместо кода запрашиваются они.
otp-legend = Отправлять мне код при каждом входе
otp-off = Нет — только при входе с нового устройства
otp-email = Да, по электронной почте
otp-sms = Да, SMS на номер { $phone }
otp-sms-no-phone = Да, SMS (сначала укажите номер мобильного телефона на странице «Профиль»)
otp-save = Сохранить
otp-saving = Сохранение…

## Confirm it is you (re-authentication panel)
reauth-password-missing = Введите пароль.
reauth-title = Подтвердите, что это вы
reauth-why = В целях безопасности введите пароль ещё раз перед этим изменением. В ближайшие 5 минут повторно запрашивать его не будем.
reauth-code-label = Код из приложения-аутентификатора
reauth-password-label = Пароль
reauth-confirm = Подтвердить
reauth-checking = Проверка…
reauth-cancel = Отмена
reauth-use-password = Использовать пароль
reauth-use-app = Использовать приложение-аутентификатор

passkey-js-unsupported = Этот браузер не поддерживает ключи доступа. Обновите его или войдите другим способом.
passkey-js-cancelled = Запрос ключа доступа отменён или истекло время ожидания. Попробуйте снова, когда будете готовы.
passkey-js-exists = На этом устройстве уже есть ключ доступа для вашей учётной записи.
passkey-js-insecure = Ключи доступа недоступны по этому адресу портала.
passkey-js-failed = Не удалось использовать ключ доступа. Попробуйте снова или войдите другим способом.
