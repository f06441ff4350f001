# signin (fr-CA)

## Deuxième étape de la connexion (/login/verify)

verify-page-title = Confirmez votre identité
verify-expired-title = Reconnectez-vous
verify-expired = Cette tentative de connexion a expiré ou est déjà terminée. Pour votre sécurité, les codes sont valides pendant 10 minutes.
verify-back = Retour à la connexion
verify-new-device-title = Autoriser cet appareil
verify-code-title = Entrez votre code de connexion
# $to est une adresse courriel ou un numéro de téléphone partiellement masqué.
verify-sent-email = Nous avons envoyé un code à 6 chiffres par courriel à { $to }.
verify-sent-sms = Nous avons envoyé un code à 6 chiffres par message texte au { $to }.
verify-why-new-device = Nous ne reconnaissons pas ce navigateur. Entrez le code pour confirmer votre identité; nous mémoriserons ensuite cet appareil.
verify-why-every-time = Vous avez choisi de recevoir un code à chaque connexion.
verify-resent = Un nouveau code est en route. Seul le code le plus récent fonctionne.
verify-code-label = Code à 6 chiffres
verify-code-hint = Le code expire dans 10 minutes.
verify-submit = Vérifier
verify-submit-busy = Vérification…
verify-resend = Envoyer un nouveau code
verify-resend-busy = Envoi en cours…
verify-start-again = Recommencer
verify-factor-title = Confirmez votre identité
verify-recovery-format = Entrez un code de récupération comme ABCDE-FGHJK.
verify-passkey-intro = Utilisez la clé d'accès de cet appareil ou de votre téléphone.
verify-passkey = Utiliser une clé d'accès
verify-passkey-waiting = En attente de votre clé d'accès…
verify-recovery-label = Code de récupération
verify-recovery-hint = L'un des dix codes que vous avez conservés lors de la configuration de la connexion en deux étapes. Chacun ne sert qu'une fois.
verify-totp-label = Code de votre application d'authentification
verify-totp-hint = 6 chiffres; il change toutes les 30 secondes.
verify-use-totp = Utiliser plutôt votre application d'authentification
verify-use-recovery = Utiliser plutôt un code de récupération

## Première connexion avec un mot de passe temporaire (/login/setup)

setup-title = Configurer votre identifiant
setup-expired-title = Reconnectez-vous
setup-expired = Cette configuration a expiré ou est déjà terminée. Elle doit être effectuée dans les 15 minutes suivant la connexion avec le mot de passe temporaire.
setup-back = Retour à la connexion
# Le numéro de contrat (en gras) se place entre les deux parties, avec une espace de chaque côté.
setup-intro-before = Vous avez ouvert une session pour le contrat
setup-intro-after = avec un mot de passe temporaire. Choisissez l'adresse courriel et le mot de passe que vous utiliserez désormais. Nous enverrons un code à la nouvelle adresse pour la confirmer.
setup-email-label = Votre adresse courriel
setup-password-label = Nouveau mot de passe
setup-password-hint = Au moins { $min ->
        [one] { $min } caractère
       *[other] { $min } caractères
    } ({ $rec } ou plus recommandés). Les longues phrases de passe sont les bienvenues.
setup-confirm-label = Répétez le nouveau mot de passe
setup-second-factor-label = Code de votre application d'authentification, ou un code de récupération
setup-second-factor-hint = Seulement si votre identifiant existant utilise une application d'authentification ou une clé d'accès.
setup-submit = Enregistrer et continuer
setup-submit-busy = Enregistrement…
