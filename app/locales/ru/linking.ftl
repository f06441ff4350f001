# linking (ru)

link-title = Привязка договора
link-intro = Введите данные точно так, как они указаны в вашем договоре финансирования.
link-first-name = Имя
link-last-name = Фамилия
link-method-legend = Способ привязки
link-method-vin = VIN и последний платёж
link-method-customer-id = Номер клиента с карточки владельца
link-customer-id-label = Номер клиента
link-customer-id-hint = Указан на карточке владельца, например NS-48213907.
link-vin-label = Идентификационный номер транспортного средства (VIN)
link-vin-hint = Все 17 символов. В VIN не бывает букв I, O и Q. Его можно найти в свидетельстве о регистрации, страховом полисе или на стойке водительской двери.
link-last-payment-label = Сумма последнего платежа
link-last-payment-hint = Точная сумма, например 926,18.
link-submit = Привязать договор
link-submit-busy = Проверяем ваши данные…

## Authorize this device (the emailed code)

link-authorize-title = Подтвердите это устройство
link-authorize-subtitle = Введите код
# Around the email address, which is shown in bold.
link-code-sent-before = Мы отправили шестизначный код на адрес
link-code-sent-after = . Код действует 10 минут.
link-code-label = Шестизначный код
link-code-invalid = Введите шестизначный код из письма.
link-authorize-button = Подтвердить устройство
link-authorize-busy = Проверяем…
link-no-email = Письмо не пришло? Проверьте папку «Спам» или вернитесь назад и отправьте данные ещё раз, чтобы получить новый код.

## Linked

link-toast-linked = Договор привязан
link-linked-title = Договор привязан
link-linked-intro = Теперь в вашей учётной записи есть эти договоры:
# What the copy button copies (its label reads "Copy …").
link-copy-what = номер договора
link-go-to-dashboard = Перейти на главную
