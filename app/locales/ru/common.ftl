# common (ru)

common-loading = Загрузка…
# Подпись переключателя языка понятна на любом языке; текущий язык — первым.
common-language-label = Язык / Language / Langue

layout-skip-link = Перейти к содержимому
layout-footer = Northstar Auto Finance · Защищённый личный кабинет
layout-sign-out = Выйти
layout-signing-out = Выполняется выход…
layout-main-nav = Основная навигация

nav-dashboard = Главная
nav-payments = Платежи
nav-documents = Документы
nav-messages = Сообщения
nav-profile = Профиль

pwa-update-available = Доступно обновление
pwa-reload = Перезагрузить

toast-dismiss = Закрыть
toast-copy = Копировать
# Доступное имя кнопки копирования; $what — что копируется («номер договора»).
toast-copy-label = Копировать: { $what }
toast-copied = Скопировано: { $text }
toast-copy-failed = Не удалось скопировать. Выделите номер и скопируйте его вручную.
contact-link = Связаться с нами: телефоны и часы работы
contact-title = Связаться с нами
contact-intro = Наши сотрудники отвечают по телефону в вашей стране. Держите под рукой номер договора; мы никогда не спрашиваем ваш пароль.
contact-country-us = США
contact-country-ca = Канада
contact-country-ru = Россия
contact-hours-us = С понедельника по пятницу 8:00 – 20:00, в субботу 9:00 – 17:00 (восточное время США), на английском
contact-hours-ca = С понедельника по пятницу 8:00 – 20:00, в субботу 9:00 – 17:00 (восточное время), на английском и французском
contact-hours-ru = С понедельника по пятницу 9:00 – 20:00 (по московскому времени)
contact-self-service = Нет доступа?
contact-forgot-password = Сбросить пароль
contact-forgot-username = Узнать имя пользователя
