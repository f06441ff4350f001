# security (ru)

security-page-title = Безопасность
security-sessions-title = Где выполнен вход
security-this-device = Это устройство
security-session-meta = IP { $ip } · вход { $created } · последняя активность { $seen }
security-session-sign-out-label = Завершить сеанс { $device }
security-sign-out = Завершить
security-signing-out = Выполняется выход…
security-sign-out-others = Завершить все остальные сеансы
security-no-other-sessions = Других открытых сеансов не было.
security-signed-out-others = { $n ->
        [one] Завершён { $n } другой сеанс
        [few] Завершено { $n } других сеанса
       *[many] Завершено { $n } других сеансов
    }.
security-session-signed-out = Этот сеанс завершён.
security-devices-title = Запомненные устройства
security-devices-hint = Браузеры, которые вы подтвердили кодом из письма, ссылкой активации или вторым шагом входа. Если удалить устройство, для него потребуется новый код.
security-no-devices = Запомненных устройств нет.
security-device-meta = Подтверждено { $created } · последнее использование { $used } · запомнено до { $expires }
security-remove-label = Удалить { $device }
security-remove = Удалить
security-history-title = История входов (за последние 90 дней)
security-history-caption = События учётной записи, сначала новые
security-col-when = Когда
security-col-event = Событие
security-col-result = Результат
security-col-device = Устройство
security-col-ip = IP
security-result-ok = Успешно
security-result-failed = Неудачно

# История входов: что произошло (auth_events.kind).
event-login = Проверка пароля
event-logout = Выход
event-activate = Учётная запись активирована
event-register = Регистрация
event-password-reset = Пароль сброшен
event-password-reset-requested = Запрошен сброс пароля
event-device-authorised = Устройство подтверждено
event-device-code = Код устройства
event-session-revoked = Сеанс завершён вами
event-device-revoked = Устройство удалено
event-link = Привязка договора
event-login-second-step = Второй шаг входа
event-login-passkey = Вход с ключом доступа
event-login-temporary = Вход с временным паролем
event-temporary-login-setup = Учётная запись настроена по временному паролю
event-temporary-login-setup-started = Начата настройка по временному паролю
event-sign-in-methods-reset = Способы входа сброшены нашими сотрудниками
event-reauthenticate = Личность подтверждена
event-totp-enabled = Приложение-аутентификатор добавлено
event-totp-disabled = Приложение-аутентификатор удалено
event-passkey-added = Ключ доступа добавлен
event-passkey-removed = Ключ доступа удалён
event-recovery-codes-regenerated = Новые резервные коды
event-sign-in-code-changed = Изменена настройка кода для входа
event-profile-updated = Профиль обновлён
event-account-unlock = Вход разблокирован
event-sessions-ended-by-staff = Выход на всех устройствах выполнен сотрудником
event-password-changed = Пароль изменён
event-email-change-requested = Запрошена смена адреса эл. почты
event-email-changed = Адрес эл. почты изменён
event-activation-resent = Письмо для активации отправлено повторно
event-other = Событие учётной записи
# Второй шаг входа (успешный или нет) и способ подтверждения.
event-second-step = Вход: { $method }
event-method-passkey = ключ доступа
event-method-device-code = пароль + код устройства
event-method-one-time-code = пароль + одноразовый код
event-method-authenticator = пароль + приложение-аутентификатор
event-method-recovery-code = пароль + резервный код
event-method-password = пароль
event-method-temporary-password = временный пароль
event-staff-sign-in = Вход сотрудника
event-username-reminder = Отправлено напоминание логина
event-phone-changed = Номер мобильного телефона изменён

## Browser names (proper nouns stay as they are)

agent-on = { $browser } на { $os }
agent-unknown = Неизвестный браузер
agent-script = Скрипт
