# autopay (ru)

autopay-title = Автоплатёж
autopay-intro = Автоплатёж списывает каждый платёж с вашего счёта в день платежа или не раньше чем за 10 дней до него. Изменить или отменить его можно в любой момент; уже начатые списания будут проведены.
autopay-link = Автоплатёж
autopay-no-contracts = У вас нет действующих договоров, для которых можно настроить автоплатёж.
autopay-on = Включён
autopay-off = Выключен
autopay-by-co-borrower = Созаёмщик подключил автоплатёж по этому договору со своего счёта. Изменить или отменить его может только он; вы по-прежнему можете вносить разовые платежи.
autopay-from = Списание с { $source }.
autopay-next-draft = Следующее списание: { $amount }, { $date }.
autopay-cancel = Отменить автоплатёж
autopay-cancelled-toast = Автоплатёж отменён.
autopay-amount-label = Сумма ({ $currency })
autopay-amount-hint = Оставьте пустым для регулярного платежа ({ $regular }) или укажите бо́льшую фиксированную сумму.
autopay-days-label = День списания
autopay-days-hint = Ваш платёж нужно внести { $day }-го числа месяца.
autopay-on-due-day = В день платежа
autopay-days-before = { $days ->
    [one] за { $days } день
    [few] за { $days } дня
   *[many] за { $days } дней
}
autopay-start-label = Месяц начала
autopay-enrol = Включить автоплатёж
autopay-save = Сохранить изменения
autopay-saving = Сохранение…
