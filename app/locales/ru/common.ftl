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
