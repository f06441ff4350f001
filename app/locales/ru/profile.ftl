# profile (ru)

## Profile menu
profile-page-title = Профиль
profile-menu-details = Контактные данные и настройки
profile-menu-details-hint = Мобильный телефон, почтовый адрес, язык, электронные документы и напоминания
profile-menu-sign-in = Пароль и электронная почта
profile-menu-sign-in-hint = Смена пароля или адреса электронной почты, с которым вы входите
profile-menu-two-step = Двухэтапный вход
profile-menu-two-step-hint = Приложение-аутентификатор, ключи доступа, резервные коды и коды входа
profile-menu-security = Безопасность
profile-menu-security-hint = Где выполнен вход, запомненные устройства и история входов

## Password and email
profile-sign-in-title = Пароль и электронная почта
profile-password-changed-toast = Пароль изменён. На других устройствах выполнен выход.
profile-password-title = Смена пароля
profile-password-changed = Ваш пароль изменён. На других устройствах выполнен выход.
profile-current-password = Текущий пароль
profile-new-password = Новый пароль
profile-new-password-hint = Не менее { $min ->
        [one] { $min } символа
       *[other] { $min } символов
    }; рекомендуется { $recommended } или больше.
profile-confirm-password = Подтвердите новый пароль
profile-change-password = Изменить пароль
profile-saving = Сохранение…
profile-email-title = Смена адреса электронной почты
# Around the new address, shown in bold: "We sent a confirmation link to <address>. Your current …"
profile-email-sent-before = Мы отправили ссылку для подтверждения на адрес
profile-email-sent-after = . Текущий адрес будет действовать, пока вы не перейдёте по ссылке.
profile-new-email = Новый адрес электронной почты
profile-send-link = Отправить ссылку для подтверждения
profile-sending = Отправка…

## Confirm email change (/confirm-email)
profile-confirm-title = Подтверждение адреса электронной почты
# Around the new address, shown in bold: "Your login now uses <address>."
profile-confirmed-before = Теперь для входа используется адрес
profile-confirmed-after = .
profile-sign-in = Войти
profile-confirming = Подтверждаем…
profile-confirm-submit = Подтвердить новый адрес
profile-confirm-submit-busy = Подтверждаем…

## Contact details
details-page-title = Контактные данные и настройки
details-choose = Выберите…
details-contact-saved = Контактные данные сохранены
details-contact-title = Контактные данные
details-phone-label = Мобильный телефон (необязательно)
details-phone-hint = С кодом страны, например +1 416 555 0123. Используется для кодов входа и напоминаний о платежах, если вы их включите.
details-phone-code-label = Код из SMS на номер { $to } (новый номер сохранится, когда вы его введёте)
details-phone-confirm = Подтвердить номер
details-phone-confirming = Подтверждаем…
details-country = Страна
details-line1 = Улица, дом
details-line2 = Квартира, офис (необязательно)
details-city = Город
details-region-ru = Регион (область, край или республика)
details-province = Провинция или территория
details-state = Штат
details-zip = Индекс ZIP
details-postal-index = Почтовый индекс
details-postal-code = Почтовый индекс
details-save = Сохранить контактные данные
details-saving = Сохранение…

country-us = США
country-ca = Канада
country-ru = Россия

## Canadian provinces and territories: like US states, kept as written on a Canadian address
province-ab = Alberta
province-bc = British Columbia
province-mb = Manitoba
province-nb = New Brunswick
province-nl = Newfoundland and Labrador
province-ns = Nova Scotia
province-nt = Northwest Territories
province-nu = Nunavut
province-on = Ontario
province-pe = Prince Edward Island
province-qc = Quebec
province-sk = Saskatchewan
province-yt = Yukon

## Preferences (language names stay in their own language)
prefs-saved = Настройки сохранены
prefs-title = Настройки
prefs-language = Язык
prefs-statements = Выписки и письма
prefs-paperless = Только электронные документы: выписки и письма онлайн, без бумажной почты
prefs-reminders = Напоминания о платежах и уведомления по счёту
prefs-by-email = По электронной почте
prefs-by-sms = По SMS
prefs-by-sms-no-phone = По SMS (сначала укажите номер мобильного телефона выше)
prefs-save = Сохранить настройки
prefs-saving = Сохранение…
