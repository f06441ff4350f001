# payoff (ru)

payoff-title = Сумма полного погашения
payoff-back = К вашим договорам
payoff-date-label = Действует до
payoff-date-hint = Любой день от сегодняшнего до 30 дней вперёд. Проценты начисляются за каждый день до этой даты.
payoff-date-submit = Пересчитать
payoff-caption = Полное погашение, действует до { $date }
payoff-principal = Основной долг
payoff-interest-to = Проценты, начисленные на { $date }
payoff-per-diem-days = Проценты за день: { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
} × { $perdiem }
payoff-days-times = { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
} × { $perdiem } ({ $interest })
payoff-fees = Комиссии к оплате
payoff-credits = Уже запланированные платежи
payoff-total = Сумма полного погашения
payoff-per-diem-note = Проценты растут примерно на { $perdiem } в день; суммы округляются до копейки один раз, в итоге.
payoff-letter = Скачать письмо о сумме погашения (PDF)
payoff-pay-now = Оплатить сейчас
payoff-buy-now = Выкупить сейчас
payoff-pay-now-note = Оплатите не позднее даты действия расчёта: платёж погасит ровно ту сумму, что причитается в день его поступления.
payoff-buyout-caption = Досрочный выкуп сегодня
payoff-remaining-payments = { $count ->
    [one] { $count } оставшийся платёж
    [few] { $count } оставшихся платежа
   *[other] { $count } оставшихся платежей
} × { $amount }
payoff-residual = Остаточная стоимость
payoff-unearned-rent = Ещё не начисленная арендная плата
payoff-option-fee = Сбор за выкуп
payoff-buyout-total = Цена выкупа сегодня
payoff-maturity-caption = Выкуп по окончании договора ({ $date })
payoff-tax = Налог с продаж
payoff-maturity-total = Цена выкупа по окончании
payoff-buyout-how = «Выкупить сейчас» оплачивает сегодняшнюю цену выкупа с одного из ваших счетов; после зачисления аренда завершается и больше платежей не нужно. Можно также перевести её банковским переводом, указав номер договора.
payoff-refund-due = Вам причитается возврат: { $amount }. Мы перечислим его вам.
payoff-reopened = Ваш платёж { $reference } для полного погашения возвращён банком, поэтому договор снова открыт. Пожалуйста, оплатите ещё раз.
