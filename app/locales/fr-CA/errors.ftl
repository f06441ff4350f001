# Erreurs renvoyées par les fonctions serveur (AppError), problèmes de champ (Issue) et conflits.

error-unauthorized = Votre session a pris fin. Veuillez vous reconnecter.
error-forbidden = Vous n'avez pas accès à cette page.
error-not-found = Nous n'avons pas trouvé ce que vous avez demandé.
error-invalid-credentials = Le courriel ou le mot de passe est incorrect. Vérifiez les deux et réessayez.
error-not-activated = Votre compte n'est pas encore actif. Ouvrez le lien d'activation que nous vous avons envoyé par courriel, ou demandez-en un nouveau.
error-invalid-token = Ce lien est invalide, déjà utilisé ou expiré. Vous pouvez en demander un nouveau.
error-link-not-matched = Ces renseignements ne correspondent à aucun contrat. Vérifiez l'orthographe de vos noms tels qu'ils figurent au contrat, le NIV complet et le montant exact de votre dernier paiement, ou votre numéro de client.
error-link-tries-left = { $n ->
        [one] Il vous reste 1 essai avant que la liaison soit suspendue pendant une heure.
       *[other] Il vous reste { $n } essais avant que la liaison soit suspendue pendant une heure.
    }
error-linking-paused = La liaison est suspendue après plusieurs essais sans correspondance. Vous pourrez réessayer dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }; votre connexion n'est pas touchée.
error-wrong-code-dead = Ce code est incorrect et ne peut plus être utilisé. Demandez un nouveau code.
error-wrong-code = Ce code est incorrect. Il vous reste { $n ->
        [one] { $n } essai
       *[other] { $n } essais
    } avant qu'il ne cesse de fonctionner.
error-code-incorrect = Ce code est incorrect. Vérifiez-le et réessayez : les codes de l'application d'authentification changent toutes les 30 secondes, et chaque code de récupération ne sert qu'une fois.
error-rate-limited = Trop de tentatives. Pour votre sécurité, attendez { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } et réessayez, ou réinitialisez votre mot de passe.
error-reauth-required = Pour votre sécurité, confirmez votre identité avant d'effectuer ce changement.
error-second-factor-reauth = Ceci retire votre dernier deuxième facteur : confirmez votre identité avec un code de votre application d'authentification ou un code de récupération (le mot de passe seul ne suffit pas).
error-internal = Un problème est survenu de notre côté. Rien n'a été modifié; veuillez réessayer.
error-transport = Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.
error-unavailable = Nous ne pouvons pas joindre les données de votre compte pour le moment. Rien n'a été modifié et vous êtes toujours connecté; veuillez réessayer dans une minute.
error-unavailable-title = De retour dans un instant
error-unavailable-retry = Réessayer

issue-required = Ce champ est obligatoire.
issue-too-long = Utilisez au plus { $max } caractères.
issue-too-short = Utilisez au moins { $min } caractères.
issue-email-format = Entrez une adresse courriel comme nom@exemple.com.
issue-name-characters = Utilisez seulement des lettres, des espaces, des traits d'union, des apostrophes ou des points.
issue-password-common = Ce mot de passe est trop courant et facile à deviner. Choisissez-en un autre.
issue-password-mismatch = Les deux mots de passe ne correspondent pas.
issue-password-contains-email = N'utilisez pas votre adresse courriel dans votre mot de passe.
issue-terms-not-accepted = Veuillez accepter les conditions d'utilisation pour continuer.
issue-money-format = Entrez un montant comme 425,18.
issue-money-too-large = Ce montant est trop élevé : vérifiez le nombre de chiffres.
issue-money-precision = Utilisez au plus deux chiffres après la virgule.
issue-money-negative = Entrez un montant supérieur à zéro.
issue-vin-length = Un NIV compte exactement 17 caractères.
issue-vin-characters = Un NIV ne contient que des lettres et des chiffres, jamais les lettres I, O ou Q (utilisez 1 et 0).
issue-vin-check-digit = Le chiffre de contrôle de ce NIV (9e caractère) ne correspond pas. Vérifiez chaque caractère.
issue-current-password-wrong = Votre mot de passe actuel est incorrect.
issue-same-email = C'est déjà votre adresse courriel.
issue-email-taken = Un autre identifiant utilise déjà cette adresse courriel. Utilisez-en une autre, ou connectez-vous avec celle-ci.
issue-phone-format = Entrez un numéro de cellulaire avec l'indicatif du pays, comme +1 416 555 0123 ou +7 912 345 67 89.
issue-postal-code-us = Entrez un code ZIP comme 48201 ou 48201-1234.
issue-postal-code-ca = Entrez un code postal comme M5V 2T6.
issue-postal-code-ru = Entrez un indice postal à 6 chiffres comme 125009.
issue-region-unknown = Choisissez un État, une province ou une région dans la liste.
issue-country-unsupported = Nous pouvons envoyer du courrier aux États-Unis, au Canada et en Russie.
issue-one-of = Choisissez l'une des options.
issue-text-characters = Retirez les caractères de contrôle invisibles (collés depuis un autre programme, peut-être).
issue-code-digits = Entrez le code à 6 chiffres.
issue-second-factor-needed = Cet identifiant utilise une application d'authentification ou une clé d'accès : entrez le code à 6 chiffres de l'application ou l'un de vos codes de récupération. Vous les avez perdus? Demandez-nous de réinitialiser vos méthodes de connexion.
issue-second-factor-wrong = Ce code n'est pas le bon. Entrez le code actuel de votre application d'authentification ou un code de récupération inutilisé.
issue-customer-id-format = Entrez le numéro de client exactement comme sur votre carte, par exemple NS-48213907.

conflict-recovery-needs-factor = Les codes de récupération accompagnent une application d'authentification ou une clé d'accès. Ajoutez-en une d'abord.
conflict-passkey-rejected = Votre clé d'accès n'a pas pu être vérifiée. Réessayez, ou utilisez un autre moyen de connexion.
conflict-passkey-limit = Vous avez déjà 10 clés d'accès. Supprimez-en une que vous n'utilisez plus.
conflict-sms-needs-phone = Ajoutez d'abord votre numéro de cellulaire à la page Profil, puis choisissez les messages texte.
conflict-email-taken = Cette adresse courriel est déjà utilisée par un autre identifiant.
conflict-contract-taken = Ce contrat est déjà lié à un autre identifiant. Appelez-nous (numéros et heures sur la page Nous joindre) et nous réglerons cela avec vous.
conflict-passkey-other-login = Cette clé d'accès appartient à un autre identifiant. Utilisez la clé d'accès de l'identifiant avec lequel vous vous êtes connecté.
conflict-current-session = Pour terminer cette session, utilisez Se déconnecter.
conflict-staff-exists = Un membre du personnel utilise déjà cette adresse courriel.
conflict-card-declined = Cette carte a été refusée. Utilisez une autre carte ou un compte bancaire.
conflict-source-in-use = Des paiements prévus utilisent ce compte. Choisissez de les annuler avec lui, ou gardez-le.
conflict-source-failed = La banque n'a pas pu vérifier ce compte; il ne peut pas servir. Ajoutez-le de nouveau ou utilisez-en un autre.
conflict-payment-key-reused = Ce formulaire de paiement a déjà été envoyé avec d'autres renseignements. Commencez un nouveau paiement.
conflict-payment-not-cancellable = Ce paiement est déjà en traitement et ne peut plus être modifié ni annulé.
conflict-contract-closed = Ce contrat est remboursé ou fermé; il n'y a rien à payer.
conflict-extra-miles-closed = Les milles supplémentaires s'achètent au tarif prépayé seulement jusqu'à 120 jours avant la fin de la location.
conflict-source-currency = Ce compte bancaire est dans une autre devise que le contrat. Choisissez un compte dans la devise du contrat, ou une carte.
conflict-source-busy = Des paiements en cours utilisent ce compte. Vous pourrez le retirer une fois qu'ils auront été portés au compte.

## Payment sources

issue-routing-format = Un numéro d'acheminement compte 9 chiffres — c'est le premier numéro au bas d'un chèque.
issue-routing-check = Ce numéro d'acheminement n'existe pas (son chiffre de contrôle ne correspond pas). Vérifiez chaque chiffre.
issue-account-format = Un numéro de compte compte ici de { $min } à { $max } chiffres.
issue-account-mismatch = Les deux numéros de compte diffèrent. Tapez deux fois le même numéro.
issue-institution-format = Un numéro d'institution compte 3 chiffres.
issue-transit-format = Un numéro de transit (succursale) compte 5 chiffres.
issue-bik-format = Un BIK compte 9 chiffres et commence par 04.
issue-ru-account-format = Un numéro de compte compte 20 chiffres.
issue-ru-account-key = Ce numéro de compte ne correspond pas au BIK (chiffre de contrôle erroné). Vérifiez les deux.
issue-card-format = Un numéro de carte compte de 12 à 19 chiffres.
issue-card-check = Ce numéro de carte n'est pas valide. Vérifiez chaque chiffre.
issue-card-expiry-format = Entrez la date d'expiration comme sur la carte, par exemple 08/29.
issue-card-expired = Cette carte est expirée.
issue-card-cvc = Le code de sécurité est le nombre de { $digits } chiffres sur la carte.
issue-payment-over-payoff = Ce montant dépasse ce qu'il faut pour rembourser le contrat. Choisissez le solde de remboursement ou un montant plus petit.
issue-payment-date-range = Choisissez une date entre aujourd'hui et 30 jours après votre prochaine échéance.
issue-payoff-date-range = Choisissez une date de validité entre aujourd'hui et dans 30 jours.
issue-autopay-below-regular = Le prélèvement automatique est au moins votre paiement régulier. Choisissez le paiement régulier ou un montant plus élevé.
issue-autopay-days-before = Choisissez le jour d'échéance ou un jour jusqu'à 10 jours avant.
issue-autopay-start-month = Choisissez ce mois-ci ou un mois suivant, jusqu'à votre dernier paiement.
conflict-autopay-exists = Ce contrat a déjà un prélèvement automatique. Modifiez-le plutôt.
conflict-payments-in-progress = Les paiements en cours ou prévus doivent être imputés, ou annulés, avant l'achat du véhicule. Le prix d'achat en tiendra alors compte.

file-too-large = Ce fichier dépasse { $mb } Mo. Envoyez une copie plus légère (une photo en plus basse résolution ou un PDF de moins de pages).
file-too-much-together = Les fichiers d’un message ne peuvent dépasser { $mb } Mo au total. Envoyez les autres dans un autre message.
file-too-many = Un message peut contenir au plus { $max } fichiers.
file-empty = Ce fichier est vide.
file-kind = Seuls les fichiers PDF, PNG, JPEG et HEIC peuvent être joints.
file-mismatch = Ce fichier est { $content }, mais son nom indique { $name }. Vérifiez que vous avez choisi le bon fichier.
file-missing = Choisissez un fichier à joindre.
file-unavailable = L’un des fichiers joints n’est plus disponible. Retirez-le et joignez-le de nouveau.
file-kind-pdf = un PDF
file-kind-png = une image PNG
file-kind-jpeg = une image JPEG
file-kind-heic = une photo HEIC
issue-date-format = Entrez une date au format année-mois-jour, par exemple 2027-01-15.
issue-date-in-future = Cette date n'est pas encore arrivée : entrez le jour de l'événement.
issue-date-ahead = Choisissez une date entre aujourd'hui et dans { $days } jours.
issue-due-day = Choisissez un jour de 1 à 28.
issue-months-range = Choisissez de 1 à { $max } mois.
issue-prepayment-not-partial = C'est le solde de remboursement entier, ou plus : utilisez plutôt Rembourser.
issue-date-too-old = C'est il y a plus de { $days } jours : écrivez-nous plutôt dans le Centre de messages.
conflict-application-not-returned = Seule une demande qui vous a été renvoyée pour correction peut être corrigée.
conflict-application-moved = Cette demande a changé depuis que vous l'avez ouverte : rechargez la page pour voir où elle en est.
issue-prepayment-within-due = Cela paie seulement ce qui est dû maintenant : faites plutôt un paiement ordinaire, ou entrez davantage.
issue-whole-miles = Entrez le kilométrage de l'odomètre en milles entiers, par exemple 36500.
issue-miles-to-buy = Achetez de 100 à 20 000 milles, en milles entiers.
issue-inspection-date = Choisissez un jour de semaine entre dans 2 jours ouvrables et 30 jours après la fin de votre location.
issue-same-due-day = Vos paiements tombent déjà ce jour-là : choisissez-en un autre.
